package dev.snapotter.engine.testing;

import dev.snapotter.engine.codec.CodecSelection;
import dev.snapotter.engine.codec.ImageCodec;
import dev.snapotter.engine.codec.imageio.ImageIoCodec;
import dev.snapotter.engine.codec.vips.VipsCodec;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Both codec backends for parametrised tests. The libvips one is absent when the system has no libvips;
 * tests that need it call {@link #assumeVips()} and are skipped with a message saying what to install.
 * Under CI ({@code CI=true}, where the workflow installs libvips-tools and with it libvips42) a missing
 * libvips is a failure instead, so native tests cannot silently stop running.
 */
public final class Backends {

    private Backends() {
    }

    public static ImageCodec java() {
        return new ImageIoCodec();
    }

    /** The native backend, or empty when libvips cannot be loaded here. */
    public static synchronized Optional<VipsCodec> vips() {
        try {
            // -Dsnapotter.engine.vips.library=missing.so simulates a machine without libvips
            return Optional.of((VipsCodec) CodecSelection.select("vips", System.getProperty(CodecSelection.LIBRARY_PROPERTY, "libvips.so.42")));
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    public static VipsCodec assumeVips() {
        Optional<VipsCodec> v = vips();
        requireNative(v.isPresent(), () -> "libvips cannot be loaded (Debian: apt-get install libvips42): "
                + CodecSelection.vipsUnavailableReason());
        return v.get();
    }

    /** True when the environment variable CI is "true" (GitHub Actions and most CI systems set it). */
    public static boolean inCi() {
        return inCi(System.getenv("CI"));
    }

    static boolean inCi(String ciVariable) {
        return "true".equalsIgnoreCase(ciVariable == null ? null : ciVariable.strip());
    }

    /**
     * Skips the calling test when a native prerequisite is missing, or fails it under CI, where the
     * prerequisite is installed on purpose and its absence means the native path silently stopped working.
     */
    public static void requireNative(boolean available, Supplier<String> reason) {
        requireNative(available, reason, inCi());
    }

    static void requireNative(boolean available, Supplier<String> reason, boolean ci) {
        if (available) return;
        if (ci) Assertions.fail("CI=true and a native prerequisite is missing (CI installs libvips-tools): " + reason.get());
        Assumptions.abort("skipping the native-backend test: " + reason.get());
    }

    /** Backend names for {@code @MethodSource}; "libvips" is listed even when absent so its skip is visible. */
    public static List<String> names() {
        return List.of("java", "libvips");
    }

    /** The backend by name, skipping the test when it is libvips and libvips is missing. */
    public static ImageCodec byName(String name) {
        return name.equals("java") ? java() : assumeVips();
    }
}
