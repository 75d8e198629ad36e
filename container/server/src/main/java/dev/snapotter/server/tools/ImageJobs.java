package dev.snapotter.server.tools;

import dev.snapotter.engine.ImageEngine;
import dev.snapotter.engine.ImageException;
import dev.snapotter.engine.batch.BatchListener;
import dev.snapotter.engine.batch.BatchRequest;
import dev.snapotter.engine.batch.BatchResult;
import dev.snapotter.engine.batch.CancellationToken;
import dev.snapotter.engine.batch.ConflictPolicy;
import dev.snapotter.engine.batch.FileOutcome;
import dev.snapotter.engine.pipeline.ValidatedPipeline;
import dev.snapotter.engine.tool.InvalidSettingsException;
import dev.snapotter.server.files.JobIds;
import dev.snapotter.server.files.Workspace;
import dev.snapotter.server.http.ApiError;
import dev.snapotter.server.jobs.JobRepository;
import dev.snapotter.server.jobs.ProgressHub;
import dev.snapotter.server.jobs.WorkerPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs image jobs on the {@link WorkerPool}: records them in the jobs table, publishes progress
 * for SSE, enforces PROCESSING_TIMEOUT_S, and turns engine failures into HTTP errors.
 */
public final class ImageJobs {

    private static final Logger LOG = LoggerFactory.getLogger(ImageJobs.class);
    /** Batch output names; the engine fills the tokens and applies the output format's extension. */
    static final String BATCH_TEMPLATE = "{name}_{tool}.{ext}";

    public record BatchOutcome(BatchResult result, List<Path> inputs) {
    }

    private final ImageEngine engine;
    private final WorkerPool pool;
    private final JobRepository jobs;
    private final ProgressHub hub;
    private final Workspace workspace;
    private final Duration timeout;
    private final Set<String> active = ConcurrentHashMap.newKeySet();

    public ImageJobs(ImageEngine engine, WorkerPool pool, JobRepository jobs, ProgressHub hub, Workspace workspace, Duration timeout) {
        this.engine = engine;
        this.pool = pool;
        this.jobs = jobs;
        this.hub = hub;
        this.workspace = workspace;
        this.timeout = timeout;
    }

    public ImageEngine engine() {
        return engine;
    }

    public Workspace workspace() {
        return workspace;
    }

    /** The client's own job id (so it can subscribe to progress before uploading) if usable, else a new one. */
    public String jobId(String clientJobId) {
        if (clientJobId != null && JobIds.valid(clientJobId) && !active.contains(clientJobId) && !jobs.exists(clientJobId)) return clientJobId;
        return JobIds.newId();
    }

    public boolean isActive(String jobId) {
        return active.contains(jobId);
    }

    /** Runs a validated pipeline on one file; returns the path written. */
    public Path single(String jobId, String type, String userId, Path input, ValidatedPipeline pipeline, Path output, Object settings) {
        CancellationToken token = new CancellationToken();
        return run(jobId, type, userId, List.of(input), settings, token, () -> {
            publish(jobId, "processing", 10, "processing", null);
            Path written = engine.processFile(input, pipeline, output, token);
            return new Done<>(written, written.toString());
        });
    }

    /** Runs a report tool (info) on one file. */
    public Map<String, Object> report(String jobId, String userId, String toolId, Path input, Map<String, Object> settings) {
        return run(jobId, toolId, userId, List.of(input), settings, new CancellationToken(), () -> {
            publish(jobId, "processing", 10, "reading", null);
            return new Done<>(engine.report(toolId, input, settings), null);
        });
    }

    /** Runs a batch with per-file progress; one worker slot per batch, files in sequence (bounded memory). */
    public BatchOutcome batch(String jobId, String type, String userId, List<Path> inputs, ValidatedPipeline pipeline, Path outputDir, Object settings) {
        CancellationToken token = new CancellationToken();
        BatchResult result = run(jobId, type, userId, inputs, settings, token, () -> {
            BatchProgress listener = new BatchProgress(jobId, inputs.size());
            BatchResult r = engine.runBatch(new BatchRequest(inputs, pipeline, outputDir, BATCH_TEMPLATE, ConflictPolicy.RENAME, 1), listener, token);
            if (r.cancelled()) throw new CancellationException("batch cancelled");
            return new Done<>(r, outputDir.toString());
        });
        return new BatchOutcome(result, inputs);
    }

    private record Done<T>(T value, String outputPath) {
    }

    private <T> T run(String jobId, String type, String userId, List<Path> inputs, Object settings, CancellationToken token, Callable<Done<T>> work) {
        jobs.insert(jobId, type, inputs.stream().map(p -> p.getFileName().toString()).toList(), settings, userId);
        active.add(jobId);
        Future<T> future;
        try {
            future = pool.submit(() -> execute(jobId, work));
        } catch (ApiError e) {
            finish(jobId, "rejected: " + e.getMessage());
            throw e;
        }
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            token.cancel();
            future.cancel(true);
            finish(jobId, "timed out after " + timeout.toSeconds() + " s");
            throw new ApiError(504, "PROCESSING_TIMEOUT", "Processing took longer than " + timeout.toSeconds() + " s", null);
        } catch (InterruptedException e) {
            token.cancel();
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ApiError(503, "SHUTTING_DOWN", "The server is shutting down", null);
        } catch (CancellationException e) {
            throw new ApiError(503, "CANCELLED", "The job was cancelled", null);
        } catch (ExecutionException e) {
            throw translate(e.getCause());
        }
    }

    private <T> T execute(String jobId, Callable<Done<T>> work) throws Exception {
        jobs.processing(jobId);
        try {
            Done<T> done = work.call();
            jobs.completed(jobId, done.outputPath());
            publish(jobId, "complete", 100, "done", null);
            return done.value();
        } catch (Exception | Error e) {
            String why = e instanceof ImageException || e instanceof InvalidSettingsException || e instanceof CancellationException
                    ? String.valueOf(e.getMessage()) : "internal error";
            jobs.failed(jobId, why);
            publish(jobId, "failed", 100, "failed", why);
            throw e;
        } finally {
            active.remove(jobId);
        }
    }

    private void finish(String jobId, String error) {
        active.remove(jobId);
        jobs.failed(jobId, error);
        publish(jobId, "failed", 100, "failed", error);
    }

    private static RuntimeException translate(Throwable cause) {
        if (cause instanceof ImageException ie) return ie;
        if (cause instanceof InvalidSettingsException ise) return ise;
        if (cause instanceof ApiError ae) return ae;
        if (cause instanceof CancellationException || cause instanceof InterruptedException) {
            return new ApiError(503, "CANCELLED", "The job was cancelled (server shutting down)", null);
        }
        if (cause instanceof OutOfMemoryError) {
            LOG.error("Job ran out of memory", cause);
            return new ApiError(503, "OUT_OF_MEMORY", "Not enough memory for this image right now; retry later", null).withHeader("Retry-After", "30");
        }
        return cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
    }

    private void publish(String jobId, String phase, int percent, String stage, String error) {
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("type", "single");
        ev.put("jobId", jobId);
        ev.put("phase", phase);
        ev.put("percent", percent);
        ev.put("stage", stage);
        if (error != null) ev.put("error", error);
        hub.publish(jobId, ev, phase.equals("complete") || phase.equals("failed"));
    }

    /** SnapOtter's batch event shape: {type:"batch", jobId, status, totalFiles, completedFiles, failedFiles, errors, currentFile}. */
    private final class BatchProgress implements BatchListener {
        private final String jobId;
        private final int total;
        private final AtomicInteger failed = new AtomicInteger();
        private final List<Map<String, String>> errors = new ArrayList<>();

        BatchProgress(String jobId, int total) {
            this.jobId = jobId;
            this.total = total;
        }

        @Override
        public void fileStarted(Path input) {
            emit("processing", -1, input.getFileName().toString());
        }

        @Override
        public void fileFinished(FileOutcome outcome, int completed, int totalFiles) {
            if (outcome.status() == FileOutcome.Status.FAILED) {
                failed.incrementAndGet();
                synchronized (errors) {
                    errors.add(Map.of("filename", outcome.input().getFileName().toString(), "error", String.valueOf(outcome.error())));
                }
            }
            jobs.progress(jobId, totalFiles == 0 ? 1 : (double) completed / totalFiles);
            emit("processing", completed, null);
        }

        @Override
        public void finished(BatchResult result) {
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("type", "batch");
            ev.put("jobId", jobId);
            ev.put("status", result.cancelled() || failed.get() == total ? "failed" : "completed");
            ev.put("totalFiles", total);
            ev.put("completedFiles", result.outcomes().size());
            ev.put("failedFiles", failed.get());
            synchronized (errors) {
                ev.put("errors", List.copyOf(errors));
            }
            hub.publish(jobId, ev, true);
        }

        private void emit(String status, int completed, String current) {
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("type", "batch");
            ev.put("jobId", jobId);
            ev.put("status", status);
            ev.put("totalFiles", total);
            if (completed >= 0) ev.put("completedFiles", completed);
            ev.put("failedFiles", failed.get());
            synchronized (errors) {
                ev.put("errors", List.copyOf(errors));
            }
            if (current != null) ev.put("currentFile", current);
            hub.publish(jobId, ev, false);
        }
    }
}
