package dev.snapotter.engine.codec.vips;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;

/**
 * Moves pixels between libvips and the engine's {@link BufferedImage}s, only when a Java tool needs them.
 * libvips side: 8-bit interleaved grey, RGB or RGBA. Java side: the layouts the rest of the engine reads
 * fastest (TYPE_BYTE_GRAY, TYPE_3BYTE_BGR, TYPE_4BYTE_ABGR), the same ones the ImageIO backend produces.
 */
final class PixelBridge {

    private PixelBridge() {
    }

    /**
     * Converts {@code in} to 8-bit grey, sRGB or sRGB + alpha (the only shapes {@link #toJava} accepts).
     * CMYK, 16-bit, grey + alpha and multiband images are converted by libvips.
     */
    static VipsImage normalise(Vips vips, VipsImage in) {
        VipsImage current = vips.copy(in);
        try {
            int interp = current.interpretation();
            boolean grey = (interp == Vips.INTERPRETATION_B_W || interp == 26 /* GREY16 */) && current.bands() == 1;
            if (grey ? interp != Vips.INTERPRETATION_B_W : interp != Vips.INTERPRETATION_SRGB || current.bands() == 2) {
                current = replace(current, vips.colourspace(current, grey ? Vips.INTERPRETATION_B_W : Vips.INTERPRETATION_SRGB));
            }
            if (current.format() != Vips.FORMAT_UCHAR) current = replace(current, vips.cast(current, Vips.FORMAT_UCHAR));
            if (current.bands() > 4) current = replace(current, vips.extractBands(current, 0, 4));
            if (current.bands() == 2) current = replace(current, vips.colourspace(current, Vips.INTERPRETATION_SRGB));
            return current;
        } catch (RuntimeException e) {
            current.close();
            throw e;
        }
    }

    private static VipsImage replace(VipsImage old, VipsImage next) {
        old.close();
        return next;
    }

    /**
     * Decodes (runs the libvips pipeline) into a new BufferedImage; {@code in} must be normalised.
     * @param source the format the pipeline loads, for {@link Vips#toPixels}' check of swallowed loader errors
     */
    static BufferedImage toJava(Vips vips, VipsImage in, dev.snapotter.engine.codec.ImageFormat source) {
        int w = in.width(), h = in.height(), bands = in.bands();
        int type = switch (bands) {
            case 1 -> BufferedImage.TYPE_BYTE_GRAY;
            case 3 -> BufferedImage.TYPE_3BYTE_BGR;
            case 4 -> BufferedImage.TYPE_4BYTE_ABGR;
            default -> throw new VipsException("write_to_memory", "unexpected band count " + bands);
        };
        BufferedImage img = new BufferedImage(w, h, type);
        byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData(); // one copy: native → this array
        vips.toPixels(in, data, source);
        if (bands == 3) rgbToBgr(data);
        if (bands == 4) rgbaToAbgr(data);
        return img;
    }

    /** The image's pixels as interleaved 8-bit grey / RGB / RGBA, plus the band count. */
    record Interleaved(byte[] data, int width, int height, int bands) {
    }

    static Interleaved fromJava(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        byte[] tight = tightBytes(img);
        switch (img.getType()) {
            case BufferedImage.TYPE_BYTE_GRAY -> {
                if (tight != null) return new Interleaved(tight.clone(), w, h, 1);
            }
            case BufferedImage.TYPE_3BYTE_BGR -> {
                if (tight != null) {
                    byte[] d = tight.clone();
                    rgbToBgr(d); // the swap is its own inverse
                    return new Interleaved(d, w, h, 3);
                }
            }
            case BufferedImage.TYPE_4BYTE_ABGR -> {
                if (tight != null) {
                    byte[] d = tight.clone();
                    abgrToRgba(d);
                    return new Interleaved(d, w, h, 4);
                }
            }
            default -> {
            }
        }
        return viaArgb(img);
    }

    /** The backing array when it holds exactly w × h × bands bytes from offset 0, else null. */
    private static byte[] tightBytes(BufferedImage img) {
        Raster r = img.getRaster();
        if (!(r.getDataBuffer() instanceof DataBufferByte db) || db.getNumBanks() != 1) return null;
        if (!(r.getSampleModel() instanceof PixelInterleavedSampleModel sm)) return null;
        if (r.getSampleModelTranslateX() != 0 || r.getSampleModelTranslateY() != 0 || r.getParent() != null) return null;
        int bands = sm.getNumBands();
        if (sm.getPixelStride() != bands || sm.getScanlineStride() != img.getWidth() * bands) return null;
        byte[] d = db.getData();
        return d.length == img.getWidth() * img.getHeight() * bands && db.getOffset() == 0 ? d : null;
    }

    private static Interleaved viaArgb(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        boolean alpha = img.getColorModel().hasAlpha();
        int bands = alpha ? 4 : 3;
        byte[] out = new byte[w * h * bands];
        int[] row = new int[w];
        int o = 0;
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                out[o++] = (byte) (p >> 16);
                out[o++] = (byte) (p >> 8);
                out[o++] = (byte) p;
                if (alpha) out[o++] = (byte) (p >>> 24);
            }
        }
        return new Interleaved(out, w, h, bands);
    }

    static void rgbToBgr(byte[] d) {
        for (int i = 0; i + 2 < d.length; i += 3) {
            byte t = d[i];
            d[i] = d[i + 2];
            d[i + 2] = t;
        }
    }

    static void rgbaToAbgr(byte[] d) {
        for (int i = 0; i + 3 < d.length; i += 4) {
            byte r = d[i], g = d[i + 1], b = d[i + 2], a = d[i + 3];
            d[i] = a;
            d[i + 1] = b;
            d[i + 2] = g;
            d[i + 3] = r;
        }
    }

    static void abgrToRgba(byte[] d) {
        rgbaToAbgr(d); // reversing four bytes is its own inverse
    }
}
