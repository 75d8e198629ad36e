package dev.snapotter.engine.codec.imageio;

import dev.snapotter.engine.ImageException;
import dev.snapotter.engine.codec.ImageFormat;
import dev.snapotter.engine.codec.ImageMetadata;
import dev.snapotter.engine.codec.OutputSpec;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes one image with the ImageIO writers: JPEG (quality, progressive), PNG, TIFF (LZW),
 * BMP, GIF and ICO. Kept metadata is embedded for JPEG and PNG (see {@link MetadataEmbedder}).
 */
final class Encoder {

    static final Set<ImageFormat> WRITABLE = Set.of(ImageFormat.JPEG, ImageFormat.PNG, ImageFormat.TIFF,
            ImageFormat.BMP, ImageFormat.GIF, ImageFormat.ICO);
    static final int MAX_ICO_SIDE = 256;

    private Encoder() {
    }

    static void encode(BufferedImage img, OutputSpec spec, ImageMetadata meta, OutputStream out) {
        ImageFormat f = spec.format();
        if (!WRITABLE.contains(f)) {
            throw new ImageException(ImageException.Kind.UNSUPPORTED_FORMAT, Failures.label(f)
                    + " output is not supported by the java backend (the native backend will add it)");
        }
        try {
            switch (f) {
                case JPEG -> {
                    BufferedImage rgb = Flatten.opaque(img);
                    int comps = rgb.getColorModel().getNumComponents();
                    write(rgb, "jpeg", true, w -> jpegParam(w, spec), MetadataEmbedder.jpeg(out, meta, comps));
                }
                case PNG -> {
                    boolean gray = img.getColorModel().getNumComponents() == 1;
                    write(img, "png", false, w -> null, MetadataEmbedder.png(out, meta, gray));
                }
                case TIFF -> write(img, "tiff", true, Encoder::tiffParam, out);
                case BMP -> write(Flatten.opaque(img), "bmp", true, w -> null, out);
                case GIF -> write(img, "gif", true, w -> null, out);
                case ICO -> write(ico(img), "ico", false, w -> null, out);
                default -> throw new IllegalStateException(f.toString());
            }
        } catch (IOException e) {
            throw new ImageException(ImageException.Kind.IO, "writing " + Failures.label(f) + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof ImageException ie) throw ie;
            throw new ImageException(ImageException.Kind.IO, "encoding " + Failures.label(f) + " failed: " + e, e);
        } catch (OutOfMemoryError e) {
            throw new ImageException(ImageException.Kind.MEMORY_BUDGET, "not enough memory to encode this image as " + Failures.label(f));
        }
    }

    private static void write(BufferedImage img, String format, boolean preferJdk, Function<ImageWriter, ImageWriteParam> param,
                              OutputStream out) throws IOException {
        ImageWriter writer = writer(format, preferJdk);
        ImageOutputStream ios = new MemoryCacheImageOutputStream(out);
        try {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(img, null, null), param.apply(writer));
            ios.flush();
        } finally {
            writer.dispose();
            ios.close(); // does not close the underlying stream
        }
        if (out instanceof SplicingOutputStream s) s.finish();
        else out.flush();
    }

    private static ImageWriteParam jpegParam(ImageWriter writer, OutputSpec spec) {
        ImageWriteParam p = writer.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(spec.quality() / 100f);
        if (spec.progressive()) p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        return p;
    }

    private static ImageWriteParam tiffParam(ImageWriter writer) {
        ImageWriteParam p = writer.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionType("LZW");
        return p;
    }

    private static BufferedImage ico(BufferedImage img) {
        if (img.getWidth() > MAX_ICO_SIDE || img.getHeight() > MAX_ICO_SIDE) {
            throw new ImageException(ImageException.Kind.UNSUPPORTED_FORMAT, "ICO images are at most " + MAX_ICO_SIDE + "×"
                    + MAX_ICO_SIDE + " pixels; this one is " + img.getWidth() + "×" + img.getHeight() + " (resize it first)");
        }
        return Flatten.squareTransparent(img); // icons are square; TwelveMonkeys' writer takes only 4BYTE_ABGR
    }

    /** Prefers the JDK's own writer where one exists (TwelveMonkeys' JPEG writer delegates to it anyway). */
    private static ImageWriter writer(String format, boolean preferJdk) throws IOException {
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName(format);
        ImageWriter fallback = null;
        while (it.hasNext()) {
            ImageWriter w = it.next();
            boolean jdk = w.getClass().getName().startsWith("com.sun.");
            if (jdk == preferJdk) return w;
            if (fallback == null) fallback = w;
        }
        if (fallback == null) throw new IOException("no ImageIO writer for " + format.toUpperCase(Locale.ROOT));
        return fallback;
    }
}
