package dev.snapotter.desktop.backend;

import dev.snapotter.control.api.ApiException;
import dev.snapotter.control.api.ApiModels;
import dev.snapotter.control.api.SnapOtterApi;
import dev.snapotter.engine.ImageException;
import dev.snapotter.engine.batch.BatchListener;
import dev.snapotter.engine.batch.BatchResult;
import dev.snapotter.engine.batch.CancellationToken;
import dev.snapotter.engine.batch.FileOutcome;
import dev.snapotter.engine.pipeline.AtomicOutput;
import dev.snapotter.engine.pipeline.PipelineJson;
import dev.snapotter.engine.pipeline.PipelineStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;

/**
 * One batch on a server, file by file: upload with the pipeline ({@code POST /api/v1/pipeline/execute}), download
 * the result into the output folder atomically (hidden temp file + rename), name it with the user's template and
 * conflict policy. Per-file errors become that file's reason; a refused key or a vanished server ends the run.
 * One file at a time: the server has its own worker pool, and per-file requests give per-file errors.
 */
final class RemoteBatch {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteBatch.class);
    private static final int MAX_RETRIES = 3;

    private final SnapOtterApi api;
    private final String where;
    private final Sleeper sleeper;

    /** Waits out a Retry-After; cancellable (tests pass one that does not really sleep). */
    interface Sleeper {
        void sleep(Duration d, CancellationToken cancel) throws InterruptedException;

        Sleeper REAL = (d, cancel) -> {
            long end = System.nanoTime() + d.toNanos();
            while (!cancel.isCancelled() && System.nanoTime() < end) Thread.sleep(100);
        };
    }

    RemoteBatch(SnapOtterApi api, String where, Sleeper sleeper) {
        this.api = api;
        this.where = where;
        this.sleeper = sleeper;
    }

    BatchResult run(BatchJob job, BatchListener listener, CancellationToken cancel) {
        long start = System.nanoTime();
        String pipelineJson = PipelineJson.write(job.pipeline());
        String tools = String.join("-", job.pipeline().steps().stream().map(PipelineStep::toolId).toList());
        RemoteOutputNames names = new RemoteOutputNames(job.outputDir(), job.nameTemplate(), job.conflict(), job.inputs());
        List<FileOutcome> outcomes = new ArrayList<>();
        int total = job.inputs().size();
        listener.started(total);
        boolean cancelled = false;
        for (int i = 0; i < total; i++) {
            Path input = job.inputs().get(i);
            if (cancel.isCancelled()) {
                cancelled = true;
                outcomes.add(cancelledOutcome(input));
                continue;
            }
            listener.fileStarted(input);
            FileOutcome outcome;
            try {
                outcome = one(input, i + 1, pipelineJson, tools, names, cancel);
            } catch (CancellationException e) {
                cancelled = true;
                outcome = cancelledOutcome(input);
            }
            outcomes.add(outcome);
            listener.fileFinished(outcome, outcomes.size(), total);
        }
        BatchResult result = new BatchResult(outcomes, cancelled || cancel.isCancelled(),
                Duration.ofNanos(System.nanoTime() - start));
        listener.finished(result);
        return result;
    }

    private static FileOutcome cancelledOutcome(Path input) {
        return new FileOutcome(input, null, FileOutcome.Status.CANCELLED, null);
    }

    private FileOutcome one(Path input, int index, String pipelineJson, String tools, RemoteOutputNames names,
                            CancellationToken cancel) {
        for (int attempt = 0; ; attempt++) {
            try {
                ApiModels.ProcessedFile done = api.executePipeline(input, pipelineJson, UUID.randomUUID().toString(),
                        cancel::isCancelled);
                String[] skip = new String[1];
                Optional<Path> target = names.reserve(input, done.filename(), index, tools, skip);
                if (target.isEmpty()) return new FileOutcome(input, null, FileOutcome.Status.SKIPPED, skip[0]);
                AtomicOutput.write(target.get(), out -> api.download(done.downloadUrl(), out, cancel::isCancelled));
                return FileOutcome.done(input, target.get());
            } catch (ApiException e) {
                Optional<BackendUnavailableException> fatal = RemoteErrors.fatal(e, where);
                if (fatal.isPresent()) throw fatal.get();
                Optional<Duration> wait = RemoteErrors.retryAfter(e);
                if (wait.isPresent() && attempt < MAX_RETRIES) {
                    LOG.info("{} asked to wait {} s before {}", where, wait.get().toSeconds(), input.getFileName());
                    pause(wait.get(), cancel);
                    continue;
                }
                return FileOutcome.failed(input, RemoteErrors.perFile(e));
            } catch (ImageException e) {
                // AtomicOutput: the download's I/O failed; the temp file is gone, nothing half-written stays.
                return FileOutcome.failed(input, e.getMessage());
            } catch (UncheckedIOException e) {
                return FileOutcome.failed(input, e.getMessage());
            }
        }
    }

    private void pause(Duration d, CancellationToken cancel) {
        try {
            sleeper.sleep(d, cancel);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted");
        }
        if (cancel.isCancelled()) throw new CancellationException("Cancelled");
    }
}
