package dev.snapotter.engine.tools;

import dev.snapotter.engine.EngineLimits;
import dev.snapotter.engine.codec.ImageCodec;
import dev.snapotter.engine.codec.ImageFormat;
import dev.snapotter.engine.codec.OutputSpec;
import dev.snapotter.engine.codec.Picture;
import dev.snapotter.engine.codec.imageio.ImageIoCodec;
import dev.snapotter.engine.pipeline.DirectPlan;
import dev.snapotter.engine.pipeline.DirectStep;
import dev.snapotter.engine.pipeline.FormatChangingStep;
import dev.snapotter.engine.resample.LanczosResampler;
import dev.snapotter.engine.tool.FieldError;
import dev.snapotter.engine.tool.ImageTool;
import dev.snapotter.engine.tool.ParamSpec;
import dev.snapotter.engine.tool.Settings;
import dev.snapotter.engine.tool.ToolContext;
import dev.snapotter.engine.tool.ToolDescriptor;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * SnapOtter's {@code convert}: sets the output format and quality. Formats the current backend
 * cannot write are refused at validation time, before any pixel work. ICO output is scaled down
 * to fit 256×256 (the format's limit).
 */
public final class ConvertTool implements ImageTool, FormatChangingStep, DirectStep {

    public static final List<String> FORMATS = List.of("jpg", "png", "webp", "avif", "tiff", "gif", "heic", "heif", "bmp", "ico");
    static final int ICO_MAX = 256;

    private static final ToolDescriptor DESCRIPTOR = new ToolDescriptor("convert", "Convert", "essentials",
            "Save the image in another format.", List.of(
            ParamSpec.choice("format", "Format", null, FORMATS, "Output format (required)."),
            ParamSpec.integer("quality", "Quality", OutputSpec.DEFAULT_QUALITY, 1, 100,
                    "Quality for lossy formats (JPEG); lossless formats ignore it.")), true);

    private final Supplier<Set<ImageFormat>> writable;
    private final Predicate<ImageFormat> canWrite;
    private final String backend;
    private final Function<ImageFormat, Optional<String>> reasons;

    public ConvertTool() {
        this(new ImageIoCodec().writableFormats(), new ImageIoCodec().name());
    }

    /** @param writable formats the backend in use can encode; others fail validation */
    public ConvertTool(Set<ImageFormat> writable, String backend) {
        Set<ImageFormat> copy = Set.copyOf(writable);
        this.writable = () -> copy;
        this.canWrite = copy::contains;
        this.backend = backend;
        this.reasons = f -> Optional.empty();
    }

    /**
     * Accepts what {@code codec} can write, asking it only when a convert step is validated (libvips finds out
     * with trial encodes), and refuses the rest with the codec's own reason when it has one.
     */
    public ConvertTool(ImageCodec codec) {
        this.writable = codec::writableFormats;
        this.canWrite = codec::canWrite;
        this.backend = codec.name();
        this.reasons = codec::unwritableReason;
    }

    @Override
    public ToolDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<FieldError> crossCheck(Settings s) {
        if (!s.has("format")) return List.of(new FieldError("format", "is required; one of " + String.join(", ", FORMATS)));
        String name = s.getString("format");
        ImageFormat f = format(name);
        if (!canWrite.test(f)) {
            Optional<String> reason = reasons.apply(f);
            if (reason.isPresent()) return List.of(new FieldError("format", reason.get() + ". Writable here: " + writableNames()));
            return List.of(new FieldError("format", name.toUpperCase(Locale.ROOT) + " output is not supported by the "
                    + backend + " backend yet; the native backend will add it. Writable here: " + writableNames()));
        }
        return List.of();
    }

    @Override
    public ImageFormat outputFormat(Settings settings, ImageFormat current) {
        return format(settings.getString("format"));
    }

    @Override
    public Picture apply(Picture input, Settings s, ToolContext context) {
        ImageFormat f = format(s.getString("format"));
        Picture out = input.withOutput(input.output().withFormat(f).withQuality(s.getInt("quality")).withTargetBytes(0));
        if (f == ImageFormat.ICO && Math.max(input.width(), input.height()) > ICO_MAX) {
            out = out.withPixels(fitIcon(input.pixels(), context));
        }
        return out;
    }

    /** Format and quality only; ICO (scaled to 256 px by Java) never runs natively. */
    @Override
    public Optional<DirectPlan> direct(DirectPlan before, Settings s, EngineLimits limits) {
        ImageFormat f = format(s.getString("format"));
        if (f == ImageFormat.ICO) return Optional.empty();
        return Optional.of(before.withOutput(before.output().withFormat(f).withQuality(s.getInt("quality")).withTargetBytes(0)));
    }

    private static BufferedImage fitIcon(BufferedImage img, ToolContext context) {
        double scale = (double) ICO_MAX / Math.max(img.getWidth(), img.getHeight());
        int w = Math.max(1, (int) Math.round(img.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(img.getHeight() * scale));
        return new LanczosResampler(1).resize(img, w, h, context::checkCancelled);
    }

    static ImageFormat format(String name) {
        return ImageFormat.fromName(name).orElseThrow(() -> new IllegalArgumentException("unknown format " + name));
    }

    private String writableNames() {
        Set<ImageFormat> w = writable.get();
        return String.join(", ", FORMATS.stream().filter(n -> w.contains(format(n))).toList());
    }
}
