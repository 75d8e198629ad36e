package dev.snapotter.engine.codec.vips;

import dev.snapotter.engine.codec.ImageFormat;
import dev.snapotter.engine.codec.OutputSpec;
import dev.snapotter.engine.codec.imageio.HeaderGate;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which of libvips' savers really work in this process. A libvips may have heifsave and still fail every
 * AVIF encode (libheif built without an AV1 encoder) or every HEIC one (no x265): only an encode tells.
 * So each native output format gets one tiny trial encode (16 × 16 grey; about 15 ms for all seven on a cold
 * JVM, half of it AV1 and HEVC encoder start-up, plus linking the encode downcalls any encode needs), once per
 * codec and format, when something first asks about that format ({@link VipsCodec} keeps the answers).
 * A format that fails is refused when a pipeline is validated, with the reason from {@link #reason}.
 */
final class SaverProbe {

    /** One trial encode of {@code format}: empty when it worked, else libvips' error text. */
    @FunctionalInterface
    interface Trial {
        Optional<String> encode(ImageFormat format);
    }

    static final int TRIAL_SIDE = 16;

    private SaverProbe() {
    }

    /** Formats among {@code formats} whose trial fails, with the user-facing reason. */
    static Map<ImageFormat, String> unavailable(Set<ImageFormat> formats, Trial trial, String version) {
        Map<ImageFormat, String> out = new EnumMap<>(ImageFormat.class);
        for (ImageFormat f : formats) {
            Optional<String> failure;
            try {
                failure = trial.encode(f);
            } catch (RuntimeException e) {
                failure = Optional.of(String.valueOf(e.getMessage()));
            }
            failure.ifPresent(message -> out.put(f, reason(f, version, message)));
        }
        return out;
    }

    /** Why {@code format} cannot be written, naming what is missing. */
    static String reason(ImageFormat format, String version, String libvipsMessage) {
        String m = libvipsMessage == null ? "" : libvipsMessage.strip();
        String lower = m.toLowerCase(Locale.ROOT);
        String label = HeaderGate.label(format);
        String detail = m.isEmpty() ? "" : " (libvips: " + m + ")";
        boolean heif = format == ImageFormat.AVIF || format == ImageFormat.HEIF;
        if (heif && (lower.contains("not a known") || lower.contains("no known saver"))) {
            return label + " output is not available: libvips " + version + " was built without HEIF/AVIF support (no heifsave)" + detail;
        }
        if (format == ImageFormat.AVIF) {
            return "AVIF output is not available: libvips " + version + " found no AV1 encoder in libheif "
                    + "(install libheif's AV1 encoder plugin: libaom, rav1e or SVT-AV1)" + detail;
        }
        if (format == ImageFormat.HEIF) {
            return "HEIC output is not available: libvips " + version + " found no HEVC encoder in libheif "
                    + "(install libheif's HEVC encoder plugin: x265)" + detail;
        }
        return label + " output is not available: the " + label + " saver of libvips " + version + " failed a test encode" + detail;
    }

    /** The trial {@link VipsCodec} runs: a {@value #TRIAL_SIDE}-pixel grey square through the real saver options. */
    static Trial using(Vips vips) {
        byte[] grey = new byte[TRIAL_SIDE * TRIAL_SIDE * 3];
        java.util.Arrays.fill(grey, (byte) 0x80);
        return format -> {
            try (VipsImage img = vips.fromPixels(grey, TRIAL_SIDE, TRIAL_SIDE, 3)) {
                byte[] encoded = vips.save(img, SaveOptions.suffix(OutputSpec.of(format).withQuality(50), true));
                return encoded.length > 0 ? Optional.empty() : Optional.of("the saver wrote 0 bytes");
            } catch (VipsException e) {
                return Optional.of(e.getMessage());
            }
        };
    }
}
