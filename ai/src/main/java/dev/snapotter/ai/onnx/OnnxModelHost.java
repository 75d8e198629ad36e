package dev.snapotter.ai.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Owns one ONNX model: loads the session on first use, runs one inference at a time and
 * closes the session after it has been idle for a while, so an idle process does not keep
 * ~1-2 GB of model and arena memory.
 *
 * <p>Why one at a time: a single ISNet run already uses every core (intra-op threads) and its
 * activations peak near 2 GB; two in parallel would double memory for no throughput gain.
 */
public final class OnnxModelHost implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OnnxModelHost.class);

    /** What to do with the session while holding the single inference permit. */
    @FunctionalInterface
    public interface SessionWork<T> {
        T run(OrtEnvironment env, OrtSession session) throws OrtException;
    }

    private final Path modelFile;
    private final Duration idleTimeout;
    private final int threads;
    private final Semaphore permit = new Semaphore(1, true);
    private final ScheduledExecutorService reaper;
    private OrtSession session;          // guarded by permit
    private ScheduledFuture<?> idleClose; // guarded by permit
    private boolean closed;              // guarded by permit

    /**
     * @param threads intra-op threads (normally the number of cores)
     */
    public OnnxModelHost(Path modelFile, Duration idleTimeout, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be ≥ 1");
        this.modelFile = modelFile;
        this.idleTimeout = idleTimeout;
        this.threads = threads;
        this.reaper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "onnx-idle-" + modelFile.getFileName());
            t.setDaemon(true);
            return t;
        });
    }

    public Path modelFile() {
        return modelFile;
    }

    /** Runs {@code work} with the (possibly freshly loaded) session; waits while another inference runs. */
    public <T> T run(SessionWork<T> work) throws OrtException {
        try {
            permit.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the model");
        }
        try {
            if (closed) throw new IllegalStateException("model host closed");
            if (idleClose != null) idleClose.cancel(false);
            if (session == null) session = open();
            return work.run(OrtSessionFactory.environment(), session);
        } finally {
            if (!closed) idleClose = reaper.schedule(this::closeIfIdle, idleTimeout.toMillis(), TimeUnit.MILLISECONDS);
            permit.release();
        }
    }

    /** Whether the session is loaded right now (false before first use and after the idle timeout). */
    public boolean isLoaded() {
        permit.acquireUninterruptibly();
        try {
            return session != null;
        } finally {
            permit.release();
        }
    }

    private OrtSession open() throws OrtException {
        long t0 = System.nanoTime();
        OrtSession s = OrtSessionFactory.open(modelFile, threads);
        log.info("loaded model {} in {} ms ({} threads)", modelFile.getFileName(), (System.nanoTime() - t0) / 1_000_000, threads);
        return s;
    }

    private void closeIfIdle() {
        // Never blocks an inference: if one is running, it reschedules the close itself when done.
        if (!permit.tryAcquire()) return;
        try {
            unload("idle for " + idleTimeout);
        } finally {
            permit.release();
        }
    }

    private void unload(String why) {
        if (session == null) return;
        try {
            session.close();
            log.info("unloaded model {} ({})", modelFile.getFileName(), why);
        } catch (OrtException e) {
            log.warn("closing ONNX session for {} failed", modelFile, e);
        }
        session = null;
    }

    @Override
    public void close() {
        permit.acquireUninterruptibly();
        try {
            closed = true;
            if (idleClose != null) idleClose.cancel(false);
            unload("host closed");
        } finally {
            permit.release();
        }
        reaper.shutdownNow();
    }
}
