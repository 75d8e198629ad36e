package dev.snapotter.ai.onnx;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;

/**
 * Keeps ONNX Runtime from collecting telemetry. Its Linux and macOS builds (1.29) carry Microsoft's
 * 1DS telemetry client, which persists a device id under {@code ~/.cache/Microsoft/DeveloperTools/.onnxruntime}
 * and can upload events; the documented full opt-out is the environment variable {@value #VARIABLE}=1,
 * read natively when the runtime initialises. SnapOtter never sends telemetry, so before the first
 * environment is created this sets the variable in the process's own C environment (libc
 * {@code setenv}, through the FFM API) — the launchers and the image also set it, this covers every
 * other way the runtime is started (tests, IDE, desktop). On Windows the runtime's ETW provider is
 * switched off through the API instead ({@code OrtEnvironment.setTelemetry(false)}).
 */
public final class OrtTelemetry {

    public static final String VARIABLE = "ORT_DISABLE_TELEMETRY";
    private static final Logger log = LoggerFactory.getLogger(OrtTelemetry.class);

    private OrtTelemetry() {
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    }

    /** Sets {@value #VARIABLE}=1 in the native environment (POSIX); false when that was not possible. */
    static boolean disableBeforeInit() {
        if (isWindows()) return false;
        try {
            Linker linker = Linker.nativeLinker();
            MethodHandle setenv = linker.downcallHandle(linker.defaultLookup().find("setenv").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
            try (Arena arena = Arena.ofConfined()) {
                int rc = (int) setenv.invokeExact(arena.allocateFrom(VARIABLE), arena.allocateFrom("1"), 1);
                if (rc != 0) log.warn("setenv({}) failed; ONNX Runtime telemetry stays on unless the launcher sets it", VARIABLE);
                return rc == 0;
            }
        } catch (Throwable t) {
            log.warn("Cannot set {} in-process ({}); ONNX Runtime telemetry stays on unless the launcher sets it", VARIABLE, t.toString());
            return false;
        }
    }

    /** The native environment's value of {@code name} (null when unset); for tests and diagnostics. */
    public static String nativeGetenv(String name) {
        try {
            Linker linker = Linker.nativeLinker();
            MethodHandle getenv = linker.downcallHandle(linker.defaultLookup().find("getenv").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS));
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment v = (MemorySegment) getenv.invokeExact(arena.allocateFrom(name));
                return v.equals(MemorySegment.NULL) ? null : v.reinterpret(4096).getString(0);
            }
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
