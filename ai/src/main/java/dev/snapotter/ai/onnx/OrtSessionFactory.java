package dev.snapotter.ai.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process-wide ONNX Runtime environment and how sessions are configured.
 *
 * <p>Natives: ONNX Runtime unpacks its .so into {@code java.io.tmpdir} unless the system
 * property {@value #NATIVE_PATH_PROPERTY} names a directory that already holds them. The
 * container sets it so {@code /tmp} can stay {@code noexec} (feasibility §6).
 */
public final class OrtSessionFactory {

    public static final String NATIVE_PATH_PROPERTY = "onnxruntime.native.path";

    private static final Logger log = LoggerFactory.getLogger(OrtSessionFactory.class);

    private OrtSessionFactory() {
    }

    /** The single environment (ONNX Runtime allows one per process); created on first call. */
    public static synchronized OrtEnvironment environment() {
        String nativePath = System.getProperty(NATIVE_PATH_PROPERTY);
        if (nativePath != null && !Files.isDirectory(Path.of(nativePath))) {
            throw new IllegalStateException(NATIVE_PATH_PROPERTY + "=" + nativePath + " is not a directory");
        }
        // Before the native library initialises: no telemetry, no device id on disk (OrtTelemetry).
        OrtTelemetry.disableBeforeInit();
        OrtEnvironment env = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING, "snapotter");
        if (OrtTelemetry.isWindows()) {
            try {
                env.setTelemetry(false);
            } catch (ai.onnxruntime.OrtException e) {
                log.warn("Cannot switch off ONNX Runtime telemetry: {}", e.getMessage());
            }
        }
        return env;
    }

    static OrtSession open(Path model, int threads) throws OrtException {
        OrtEnvironment env = environment();
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            opts.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            opts.setIntraOpNumThreads(threads);
            opts.setInterOpNumThreads(1);
            // Memory over a few % of speed (12 MP, 2 cores, docs/performance.md): with the arena the process
            // held 2.28 GB after the first runs (2.2-2.9 s); without it and without memory-pattern
            // pre-planning the peak is ~1.28 GB, ~0.7 GB between runs, at ~2.8 s.
            opts.setCPUArenaAllocator(false);
            opts.setMemoryPatternOptimization(false);
            log.debug("opening {} (native path {})", model, System.getProperty(NATIVE_PATH_PROPERTY, "<tmpdir>"));
            return env.createSession(model.toString(), opts);
        }
    }
}
