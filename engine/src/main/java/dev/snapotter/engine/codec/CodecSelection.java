package dev.snapotter.engine.codec;

import dev.snapotter.engine.codec.imageio.ImageIoCodec;
import dev.snapotter.engine.codec.vips.VipsCodec;
import dev.snapotter.engine.codec.vips.VipsLibrary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Optional;

/**
 * Picks the codec backend at run time. {@code auto} (the default) uses libvips when it can be opened and
 * falls back to the pure-Java backend otherwise, saying so in the log; {@code java} and {@code vips} force one.
 *
 * <pre>
 * -Dsnapotter.engine.backend=auto|java|vips        or  SNAPOTTER_ENGINE_BACKEND=...
 * -Dsnapotter.engine.vips.library=libvips.so.42    or  SNAPOTTER_VIPS_LIBRARY=...   (soname or absolute path)
 * </pre>
 */
public final class CodecSelection {

    public static final String BACKEND_PROPERTY = "snapotter.engine.backend";
    public static final String LIBRARY_PROPERTY = "snapotter.engine.vips.library";

    private static final Logger LOG = LoggerFactory.getLogger(CodecSelection.class);
    private static volatile String announced; // log the choice once per process, not per engine

    private CodecSelection() {
    }

    /** The backend the properties/environment ask for. */
    public static ImageCodec select() {
        return select(setting(BACKEND_PROPERTY, "SNAPOTTER_ENGINE_BACKEND", "auto"),
                setting(LIBRARY_PROPERTY, "SNAPOTTER_VIPS_LIBRARY", VipsLibrary.DEFAULT_NAME));
    }

    /**
     * @param mode    auto, java or vips
     * @param library the libvips soname or path to try
     * @throws IllegalStateException when {@code vips} is forced and libvips cannot be used
     */
    public static ImageCodec select(String mode, String library) {
        String m = mode.strip().toLowerCase(Locale.ROOT);
        switch (m) {
            case "java" -> {
                announce("image backend: java (forced by " + BACKEND_PROPERTY + "=java)", false);
                return new ImageIoCodec();
            }
            case "vips", "libvips", "auto" -> {
                Optional<VipsLibrary> lib = VipsLibrary.load(library);
                if (lib.isPresent()) {
                    announce("image backend: libvips " + lib.get().version() + " via FFM", false);
                    return new VipsCodec(lib.get());
                }
                String why = VipsLibrary.failureReason();
                if (!m.equals("auto")) {
                    throw new IllegalStateException("the libvips backend was requested (" + BACKEND_PROPERTY + "=" + mode
                            + ") but cannot be used: " + why);
                }
                announce("image backend: java; libvips is not available (" + why + "). Install libvips42 for "
                        + "faster processing and WebP/AVIF/HEIC output.", true);
                return new ImageIoCodec();
            }
            default -> throw new IllegalArgumentException(BACKEND_PROPERTY + " must be auto, java or vips, not '" + mode + "'");
        }
    }

    /** Why libvips is not in use, or null when it loaded (or was never tried). */
    public static String vipsUnavailableReason() {
        return VipsLibrary.failureReason();
    }

    private static void announce(String line, boolean warn) {
        if (line.equals(announced)) return;
        announced = line;
        if (warn) LOG.warn(line);
        else LOG.info(line);
    }

    private static String setting(String property, String env, String fallback) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) v = System.getenv(env);
        return v == null || v.isBlank() ? fallback : v;
    }
}
