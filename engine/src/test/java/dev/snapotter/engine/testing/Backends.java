package dev.snapotter.engine.testing;

import dev.snapotter.engine.codec.CodecSelection;
import dev.snapotter.engine.codec.ImageCodec;
import dev.snapotter.engine.codec.imageio.ImageIoCodec;
import dev.snapotter.engine.codec.vips.VipsCodec;
import org.junit.jupiter.api.Assumptions;

import java.util.List;
import java.util.Optional;

/**
 * Both codec backends for parametrised tests. The libvips one is absent when the system has no libvips;
 * tests that need it call {@link #assumeVips()} and are skipped with a message saying what to install.
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
        Assumptions.assumeTrue(v.isPresent(), () -> "libvips is not installed (Debian: apt-get install libvips42); "
                + "skipping the native-backend test: " + CodecSelection.vipsUnavailableReason());
        return v.get();
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
