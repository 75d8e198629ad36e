package dev.snapotter.engine.batch;

import dev.snapotter.engine.EngineLimits;
import dev.snapotter.engine.ImageException;
import dev.snapotter.engine.codec.ImageFormat;
import dev.snapotter.engine.codec.ImageHeader;
import dev.snapotter.engine.codec.MemoryEstimate;
import dev.snapotter.engine.pipeline.FormatChangingStep;
import dev.snapotter.engine.pipeline.PipelineRunner;
import dev.snapotter.engine.pipeline.ValidatedPipeline;
import dev.snapotter.engine.tool.InvalidSettingsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one pipeline over many files: as many workers as cores (or as asked), further limited by
 * a memory budget shared by the running files, names decided up front, a failing file reported
 * and skipped, cancellation honoured between and inside files. Outputs are written atomically
 * by {@link PipelineRunner}; inputs are never overwritten.
 */
public final class BatchRunner {

    private static final Logger LOG = LoggerFactory.getLogger(BatchRunner.class);

    private final PipelineRunner runner;
    private final EngineLimits limits;

    public BatchRunner(PipelineRunner runner, EngineLimits limits) {
        this.runner = runner;
        this.limits = limits;
    }

    public BatchResult run(BatchRequest request, BatchListener listener, CancellationToken cancel) {
        long start = System.nanoTime();
        BatchListener events = listener == null ? BatchListener.NONE : listener;
        CancellationToken token = cancel == null ? new CancellationToken() : cancel;
        NameTemplate template = NameTemplate.parse(request.nameTemplate());
        createOutputDir(request.outputDir());
        List<Path> inputs = request.inputs();
        int total = inputs.size();
        events.started(total);
        OutputPlan plan = new OutputPlan(request.outputDir(), request.conflict(), inputs);
        MemoryBudget budget = new MemoryBudget(limits.memoryBudgetBytes());
        AtomicInteger completed = new AtomicInteger();
        FileOutcome[] outcomes = new FileOutcome[total];
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            Path in = inputs.get(i);
            Planned p = plan(in, i, request.pipeline(), template, plan);
            if (p.outcome() != null) {
                outcomes[i] = p.outcome();
                events.fileFinished(p.outcome(), completed.incrementAndGet(), total);
            } else {
                jobs.add(new Job(i, in, p.header(), p.target()));
            }
        }
        int workers = Math.max(1, Math.min(parallelism(request.parallelism()), Math.max(1, jobs.size())));
        ExecutorService pool = Executors.newFixedThreadPool(workers, Thread.ofPlatform().name("snapotter-batch-", 1).daemon().factory());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Job job : jobs) {
                futures.add(pool.submit(() -> {
                    FileOutcome o = runJob(job, request.pipeline(), plan, budget, token, events);
                    outcomes[job.index()] = o;
                    synchronized (completed) { // listeners see 1, 2, 3, ... in order
                        events.fileFinished(o, completed.incrementAndGet(), total);
                    }
                }));
            }
            for (Future<?> f : futures) await(f);
        } finally {
            pool.shutdownNow();
        }
        BatchResult result = new BatchResult(List.of(outcomes), token.isCancelled(), Duration.ofNanos(System.nanoTime() - start));
        events.finished(result);
        return result;
    }

    private record Job(int index, Path input, ImageHeader header, Path target) {
    }

    /** Either a job to run (header + reserved target) or an outcome decided without pixel work. */
    private record Planned(ImageHeader header, Path target, FileOutcome outcome) {
    }

    private Planned plan(Path in, int index, ValidatedPipeline pipeline, NameTemplate template, OutputPlan plan) {
        ImageHeader header;
        try {
            header = runner.codec().probe(in);
        } catch (ImageException e) {
            return new Planned(null, null, FileOutcome.failed(in, e.getMessage()));
        }
        ImageFormat format = predictFormat(header.format(), pipeline);
        String name = template.render(in.getFileName().toString(), format.extension(), index + 1, pipeline.toolChain());
        OutputPlan.Decision d = plan.reserve(name);
        if (d.skipped()) return new Planned(null, null, new FileOutcome(in, null, FileOutcome.Status.SKIPPED, d.skipReason()));
        return new Planned(header, d.target(), null);
    }

    private ImageFormat predictFormat(ImageFormat input, ValidatedPipeline pipeline) {
        ImageFormat f = runner.codec().canWrite(input) ? input : ImageFormat.PNG;
        for (ValidatedPipeline.Step s : pipeline.steps()) {
            if (s.tool() instanceof FormatChangingStep c) f = c.outputFormat(s.settings(), f);
        }
        return f;
    }

    /**
     * The planned target, unless a tool changed the format at run time (e.g. to PNG for new
     * transparency): then the new name is reserved under the same policy.
     */
    private static Path targetFor(Job job, ImageFormat actual, OutputPlan plan) {
        Path planned = job.target();
        Path adjusted = PipelineRunner.OutputPaths.withExtension(planned, actual);
        if (adjusted.equals(planned)) return planned;
        OutputPlan.Decision d = plan.reserve(adjusted.getFileName().toString());
        if (d.skipped()) throw new OutputPlan.SkipException(d.skipReason());
        return d.target();
    }

    private FileOutcome runJob(Job job, ValidatedPipeline pipeline, OutputPlan plan, MemoryBudget budget, CancellationToken token,
                               BatchListener events) {
        if (token.isCancelled()) return cancelled(job.input());
        long bytes = MemoryEstimate.forJob(job.header());
        if (!budget.acquire(bytes, token)) return cancelled(job.input());
        try {
            events.fileStarted(job.input());
            Path written = runner.processFile(job.input(), pipeline, format -> targetFor(job, format, plan), token);
            return FileOutcome.done(job.input(), written);
        } catch (OutputPlan.SkipException e) {
            return new FileOutcome(job.input(), null, FileOutcome.Status.SKIPPED, e.getMessage());
        } catch (CancellationException e) {
            return cancelled(job.input());
        } catch (ImageException | InvalidSettingsException e) {
            return FileOutcome.failed(job.input(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("unexpected failure on {}", job.input(), e);
            return FileOutcome.failed(job.input(), "internal error: " + e);
        } finally {
            budget.release(bytes);
        }
    }

    private static FileOutcome cancelled(Path in) {
        return new FileOutcome(in, null, FileOutcome.Status.CANCELLED, "cancelled");
    }

    private static int parallelism(int requested) {
        return requested > 0 ? requested : Runtime.getRuntime().availableProcessors();
    }

    private static void createOutputDir(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ImageException(ImageException.Kind.IO, "cannot create output folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.error("batch worker failed", e.getCause());
        }
    }
}
