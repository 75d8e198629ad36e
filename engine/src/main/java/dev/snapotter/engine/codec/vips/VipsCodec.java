package dev.snapotter.engine.codec.vips;

import dev.snapotter.engine.EngineLimits;
import dev.snapotter.engine.ImageException;
import dev.snapotter.engine.codec.DirectCodec;
import dev.snapotter.engine.codec.ImageCodec;
import dev.snapotter.engine.codec.ImageDetails;
import dev.snapotter.engine.codec.ImageFormat;
import dev.snapotter.engine.codec.ImageHeader;
import dev.snapotter.engine.codec.ImageMetadata;
import dev.snapotter.engine.codec.OutputSpec;
import dev.snapotter.engine.codec.Picture;
import dev.snapotter.engine.codec.imageio.FormatSniffer;
import dev.snapotter.engine.codec.imageio.HeaderGate;
import dev.snapotter.engine.codec.imageio.ImageIoCodec;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The native backend: the system libvips through FFM (docs/adr/0004-native-libvips-backend-via-ffm.md).
 *
 * <p>Every file first passes the pure-Java {@link HeaderGate} (format from magic bytes, size from our own
 * header parsers, megapixel and memory limits); only then does libvips see it, with
 * {@code access=sequential} and {@code fail_on=truncated}. JPEG, PNG, WebP, TIFF, GIF, HEIC and AVIF are
 * decoded and encoded by libvips; the formats only the Java backend knows (BMP, ICO, PSD, ...) are delegated
 * to it, so this backend reads and writes a superset of what the Java one does.
 */
public final class VipsCodec implements ImageCodec, DirectCodec {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(VipsCodec.class);

    /** Decoded by libvips. HEIC/AVIF sizes come from libvips' header read, everything else from the Java gate. */
    static final Set<ImageFormat> NATIVE_READ = Set.copyOf(EnumSet.of(ImageFormat.JPEG, ImageFormat.PNG, ImageFormat.WEBP,
            ImageFormat.TIFF, ImageFormat.GIF, ImageFormat.HEIF, ImageFormat.AVIF));

    private final VipsLibrary library;
    private final Vips vips;
    private final ImageIoCodec java = new ImageIoCodec();
    private final Set<ImageFormat> readable;
    private final SaverProbe.Trial trial;
    /**
     * Per native output format, why libvips cannot save it (empty: it can), from {@link SaverProbe}. Each format is
     * tried only when something first asks about it: a one-shot JPEG resize never pays for the AVIF and HEVC
     * encoders' start-up.
     */
    private final Map<ImageFormat, Optional<String>> probed = new java.util.concurrent.ConcurrentHashMap<>();

    public VipsCodec(VipsLibrary library) {
        this(library, null);
    }

    /** @param trial the saver check; null for the real one ({@link SaverProbe#using}); tests pass a failing one */
    VipsCodec(VipsLibrary library, SaverProbe.Trial trial) {
        this.library = library;
        this.vips = new Vips(library);
        this.trial = trial != null ? trial : SaverProbe.using(vips);
        EnumSet<ImageFormat> r = EnumSet.copyOf(java.readableFormats());
        r.addAll(NATIVE_READ);
        this.readable = Set.copyOf(r);
    }

    /** Why libvips cannot save {@code format}; empty when it can or when the format is not a native one. */
    private Optional<String> nativeFailure(ImageFormat format) {
        if (!SaveOptions.NATIVE.contains(format)) return Optional.empty();
        return probed.computeIfAbsent(format, f -> {
            Optional<String> why = Optional.ofNullable(SaverProbe.unavailable(Set.of(f), trial, library.version()).get(f));
            why.ifPresent(reason -> LOG.warn("{}", reason));
            return why;
        });
    }

    private boolean nativeWritable(ImageFormat format) {
        return SaveOptions.NATIVE.contains(format) && nativeFailure(format).isEmpty();
    }

    @Override
    public String name() {
        return "libvips";
    }

    /** The libvips version in use, e.g. "8.14.1". */
    public String version() {
        return library.version();
    }

    /** For tests and leak checks: pixel/buffer bytes, allocations and open files libvips holds right now. */
    public long[] nativeUsage() {
        return new long[]{vips.trackedMemory(), vips.trackedAllocations(), vips.trackedFiles()};
    }

    @Override
    public Set<ImageFormat> readableFormats() {
        return readable;
    }

    /**
     * Java's formats plus every native one whose libvips saver passed its trial encode (a native format libvips
     * cannot save is not handed to Java either). Tries every native saver; {@link #canWrite} tries only one.
     */
    @Override
    public Set<ImageFormat> writableFormats() {
        EnumSet<ImageFormat> w = EnumSet.copyOf(java.writableFormats());
        w.addAll(SaveOptions.NATIVE);
        w.removeIf(f -> nativeFailure(f).isPresent());
        return Set.copyOf(w);
    }

    @Override
    public boolean canWrite(ImageFormat format) {
        return SaveOptions.NATIVE.contains(format) ? nativeWritable(format) : java.writableFormats().contains(format);
    }

    @Override
    public Optional<String> unwritableReason(ImageFormat format) {
        return nativeFailure(format);
    }

    @Override
    public ImageHeader probe(Path file) {
        return gate(file).header();
    }

    @Override
    public Picture decode(Path file, EngineLimits limits) {
        return vips.job(() -> decodeOnce(file, limits));
    }

    private Picture decodeOnce(Path file, EngineLimits limits) {
        HeaderGate.Checked checked = gate(file);
        ImageHeader h = checked.header();
        HeaderGate.checkLimits(h, limits, 1);
        if (!NATIVE_READ.contains(h.format())) return java.decode(file, limits);
        try (VipsImage img = vips.open(file); VipsImage upright = vips.autorot(img)) {
            return toPicture(upright, checked);
        } catch (VipsException e) {
            throw VipsErrors.translate(e, file, h.format());
        }
    }

    @Override
    public Picture decodeThumbnail(Path file, int maxSide, EngineLimits limits) {
        if (maxSide < 1) throw new IllegalArgumentException("maxSide must be >= 1");
        return vips.job(() -> decodeThumbnailOnce(file, maxSide, limits));
    }

    private Picture decodeThumbnailOnce(Path file, int maxSide, EngineLimits limits) {
        HeaderGate.Checked checked = gate(file);
        ImageHeader h = checked.header();
        HeaderGate.checkLimits(h, limits, Math.max(1, Math.max(h.width(), h.height()) / maxSide));
        if (!NATIVE_READ.contains(h.format())) return java.decodeThumbnail(file, maxSide, limits);
        try (VipsImage thumb = vips.thumbnail(file, maxSide, maxSide, Vips.SIZE_DOWN)) {
            return toPicture(thumb, checked);
        } catch (VipsException e) {
            throw VipsErrors.translate(e, file, h.format());
        }
    }

    @Override
    public ImageDetails details(Path file, EngineLimits limits) {
        HeaderGate.Checked checked = gate(file);
        if (checked.header().format() != ImageFormat.HEIF && checked.header().format() != ImageFormat.AVIF) {
            return java.details(file, limits);
        }
        try (VipsImage img = vips.open(file)) {
            int bands = img.bands();
            boolean alpha = bands == 2 || bands == 4;
            return new ImageDetails(checked.header(), bands, alpha, img.format() == Vips.FORMAT_UCHAR ? 8 : 16, 0, 0, checked.metadata());
        } catch (VipsException e) {
            throw VipsErrors.translate(e, file, checked.header().format());
        }
    }

    @Override
    public void encode(Picture picture, OutputStream out) {
        OutputSpec spec = picture.output();
        Optional<String> unavailable = nativeFailure(spec.format());
        if (unavailable.isPresent()) throw new ImageException(ImageException.Kind.UNSUPPORTED_FORMAT, unavailable.get());
        if (!SaveOptions.NATIVE.contains(spec.format()) || spec.targetBytes() > 0) {
            java.encode(picture, out); // BMP, ICO, and the JPEG size search (many trial encodes) stay in Java
            return;
        }
        BufferedImage pixels = picture.pixels();
        if (!SaveOptions.keepsAlpha(spec.format()) && pixels.getColorModel().hasAlpha()) pixels = onWhite(pixels);
        PixelBridge.Interleaved px = PixelBridge.fromJava(pixels);
        byte[] encoded;
        try (VipsImage img = vips.fromPixels(px.data(), px.width(), px.height(), px.bands())) {
            encoded = save(img, spec, picture.metadata(), null);
        } catch (VipsException e) {
            throw new ImageException(ImageException.Kind.IO, "libvips could not write " + HeaderGate.label(spec.format()) + ": " + e.getMessage(), e);
        }
        write(encoded, spec.format(), picture.metadata(), px.bands(), out);
    }

    @Override
    public OutputSpec initialOutput(ImageFormat input) {
        return OutputSpec.of(canWrite(input) ? input : ImageFormat.PNG);
    }

    @Override
    public boolean canTranscode(ImageFormat input, OutputSpec output) {
        if (!NATIVE_READ.contains(input) || !nativeWritable(output.format()) || output.targetBytes() > 0) return false;
        // alpha → JPEG is flattened on white by the Java path; only inputs that cannot carry alpha go direct
        return SaveOptions.keepsAlpha(output.format()) || input == ImageFormat.JPEG;
    }

    @Override
    public void transcode(Path input, int width, int height, OutputSpec output, EngineLimits limits, OutputStream out) {
        Transcoded t = vips.job(() -> transcodeOnce(input, width, height, output, limits));
        write(t.encoded(), output.format(), t.meta(), t.bands(), out); // after the job: a re-run must not have written
    }

    private record Transcoded(byte[] encoded, ImageMetadata meta, int bands) {
    }

    private Transcoded transcodeOnce(Path input, int width, int height, OutputSpec output, EngineLimits limits) {
        HeaderGate.Checked checked = gate(input);
        ImageHeader h = checked.header();
        HeaderGate.checkLimits(h, limits, 1);
        if (!canTranscode(h.format(), output)) throw new IllegalArgumentException("not a direct transcode: " + h.format() + " → " + output.format());
        boolean resize = width > 0 && height > 0;
        // thumbnail = shrink-on-load + Lanczos3 to exactly width × height, orientation applied
        try (VipsImage img = resize ? vips.thumbnail(input, width, height, Vips.SIZE_FORCE) : vips.open(input);
             VipsImage upright = resize ? vips.copy(img) : vips.autorot(img);
             VipsImage normal = PixelBridge.normalise(vips, upright)) {
            ImageMetadata meta = metadataAfter(upright, checked.metadata());
            return new Transcoded(save(normal, output, meta, h.format()), meta, normal.bands());
        } catch (VipsException e) {
            throw VipsErrors.translate(e, input, h.format());
        }
    }

    // ---- helpers

    /** Header, size and metadata without decoding: the Java gate, or libvips' header read for HEIC/AVIF. */
    private HeaderGate.Checked gate(Path file) {
        ImageFormat format = FormatSniffer.sniff(file);
        if (format != ImageFormat.HEIF && format != ImageFormat.AVIF) return HeaderGate.probe(file);
        try (VipsImage img = vips.open(file)) {
            return new HeaderGate.Checked(new ImageHeader(format, img.width(), img.height(), 1, 1), ImageMetadata.NONE);
        } catch (VipsException e) {
            throw VipsErrors.translateHeader(e, format);
        }
    }

    private Picture toPicture(VipsImage upright, HeaderGate.Checked checked) {
        try (VipsImage normal = PixelBridge.normalise(vips, upright)) {
            BufferedImage pixels = PixelBridge.toJava(vips, normal, checked.header().format());
            return new Picture(pixels, metadataAfter(upright, checked.metadata()), initialOutput(checked.header().format()));
        }
    }

    /** CMYK and other non-RGB sources are converted to sRGB; their profile no longer describes the values. */
    private static ImageMetadata metadataAfter(VipsImage decoded, ImageMetadata meta) {
        int interp = decoded.interpretation();
        boolean rgbOrGrey = interp == Vips.INTERPRETATION_SRGB || interp == Vips.INTERPRETATION_B_W || interp == 25 || interp == 26;
        return rgbOrGrey ? meta : meta.withoutIcc();
    }

    private static BufferedImage onWhite(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, src.getWidth(), src.getHeight());
            g.drawImage(src, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** {@code img} must be a reference this codec may edit (fresh from an operation). */
    /** @param source the format libvips loads the pixels from, or null when they come from Java */
    private byte[] save(VipsImage img, OutputSpec spec, ImageMetadata meta, ImageFormat source) {
        MetadataTransfer.prepare(vips, img, spec.format(), meta);
        return vips.save(img, SaveOptions.suffix(spec, !MetadataTransfer.vipsWrites(spec.format(), meta)), source);
    }

    private static void write(byte[] bytes, ImageFormat format, ImageMetadata meta, int bands, OutputStream out) {
        try {
            MetadataTransfer.write(bytes, format, meta, bands, out);
        } catch (IOException e) {
            throw new ImageException(ImageException.Kind.IO, "writing the image failed: " + e.getMessage(), e);
        }
    }
}
