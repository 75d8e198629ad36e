package dev.snapotter.engine.codec.imageio;

import dev.snapotter.engine.EngineLimits;
import dev.snapotter.engine.ImageException;
import dev.snapotter.engine.codec.ImageCodec;
import dev.snapotter.engine.codec.ImageDetails;
import dev.snapotter.engine.codec.ImageFormat;
import dev.snapotter.engine.codec.ImageHeader;
import dev.snapotter.engine.codec.ImageMetadata;
import dev.snapotter.engine.codec.MemoryEstimate;
import dev.snapotter.engine.codec.OutputSpec;
import dev.snapotter.engine.codec.Picture;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * The pure-Java backend: ImageIO with the TwelveMonkeys plug-ins. Every call checks the header
 * against the limits before pixels are allocated; see docs/adr/0002-engine-codec-backend.md.
 */
public final class ImageIoCodec implements ImageCodec {

    static {
        // No temp files next to the user's data, and no disk I/O per decode.
        ImageIO.setUseCache(false);
        ImageIO.scanForPlugins();
    }

    private static final Set<ImageFormat> READABLE = Set.copyOf(EnumSet.complementOf(EnumSet.of(ImageFormat.AVIF, ImageFormat.HEIF)));

    @Override
    public String name() {
        return "java";
    }

    @Override
    public Set<ImageFormat> readableFormats() {
        return READABLE;
    }

    @Override
    public Set<ImageFormat> writableFormats() {
        return Encoder.WRITABLE;
    }

    @Override
    public ImageHeader probe(Path file) {
        return Probe.of(file).header();
    }

    @Override
    public Picture decode(Path file, EngineLimits limits) {
        Probe probe = Probe.of(file);
        Limits.check(probe.header(), limits, 1);
        return toPicture(probe, Decoder.decode(file, probe, 1));
    }

    @Override
    public Picture decodeThumbnail(Path file, int maxSide, EngineLimits limits) {
        if (maxSide < 1) throw new IllegalArgumentException("maxSide must be >= 1");
        Probe probe = Probe.of(file);
        ImageHeader h = probe.header();
        int longSide = Math.max(h.width(), h.height());
        int step = Math.max(1, longSide / maxSide);
        Limits.check(h, limits, step);
        Picture picture = toPicture(probe, Decoder.decode(file, probe, step));
        return picture.withPixels(Thumbnails.fit(picture.pixels(), maxSide));
    }

    @Override
    public ImageDetails details(Path file, EngineLimits limits) {
        return DetailsReader.read(file, Probe.of(file));
    }

    @Override
    public void encode(Picture picture, OutputStream out) {
        OutputSpec spec = picture.output();
        try {
            if (spec.targetBytes() > 0 && spec.format() == ImageFormat.JPEG) {
                out.write(TargetSize.search(picture.pixels(), spec, picture.metadata()));
                out.flush();
            } else {
                Encoder.encode(picture.pixels(), spec, picture.metadata(), out);
            }
        } catch (IOException e) {
            throw new ImageException(ImageException.Kind.IO, "writing the image failed: " + e.getMessage(), e);
        }
    }

    private static Picture toPicture(Probe probe, Decoder.Decoded decoded) {
        PixelLayout.Result layout = PixelLayout.normalise(decoded.image());
        BufferedImage upright = Orientation.apply(layout.image(), probe.header().orientation());
        ImageMetadata meta = probe.source().metadata();
        if (layout.colourConverted() || jpegReaderConverted(probe, decoded)) {
            meta = meta.withoutIcc(); // the samples are sRGB now; the source profile no longer describes them
        }
        return new Picture(upright, meta, defaultOutput(probe.header().format(), upright));
    }

    /**
     * The JDK path never converts (the profile is hidden from it, see IccHiddenJpeg). TwelveMonkeys
     * converts CMYK always, and RGB when it hands back an sRGB image for a profiled file.
     */
    private static boolean jpegReaderConverted(Probe probe, Decoder.Decoded decoded) {
        if (!decoded.usedFallback() || probe.source().metadata().icc() == null) return false;
        if (probe.source().jpegComponents() == 4) return true;
        java.awt.color.ColorSpace cs = decoded.image().getColorModel().getColorSpace();
        return cs.isCS_sRGB() && probe.source().jpegComponents() == 3;
    }

    /** Same format when this backend can write it; otherwise PNG, which keeps alpha and loses nothing. */
    static OutputSpec defaultOutput(ImageFormat source, BufferedImage img) {
        if (Encoder.WRITABLE.contains(source)) return OutputSpec.of(source);
        return OutputSpec.of(ImageFormat.PNG);
    }

    /** Memory needed to decode a file at the given subsampling step; exposed for the batch runner's budget. */
    public static long estimateBytes(ImageHeader header, int subsampling) {
        long w = (header.width() + subsampling - 1L) / subsampling;
        long h = (header.height() + subsampling - 1L) / subsampling;
        return MemoryEstimate.forJob(w, h);
    }
}
