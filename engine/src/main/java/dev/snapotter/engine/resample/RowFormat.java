package dev.snapotter.engine.resample;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;

/**
 * How the passes see an image: {@code channels} samples per pixel, in the image's own order,
 * with alpha at {@code alphaIndex} (−1 = opaque). Colour samples of images with alpha are
 * premultiplied while reading (and divided back when writing) so transparent pixels do not
 * bleed their colour into their neighbours.
 *
 * <p>The common ImageIO layouts (3BYTE_BGR, 4BYTE_ABGR, BYTE_GRAY, INT_RGB, INT_ARGB) are
 * read straight from their backing arrays and written in the same layout; anything else goes
 * through {@link BufferedImage#getRGB} into a byte BGR/ABGR target.
 */
record RowFormat(int channels, int alphaIndex, int targetType, Kind kind) {

    enum Kind { BYTES, INT_PACKED, GENERIC }

    static RowFormat of(BufferedImage img) {
        return switch (img.getType()) {
            case BufferedImage.TYPE_3BYTE_BGR -> plainBytes(img) ? new RowFormat(3, -1, img.getType(), Kind.BYTES) : generic(img);
            case BufferedImage.TYPE_4BYTE_ABGR -> plainBytes(img) ? new RowFormat(4, 0, img.getType(), Kind.BYTES) : generic(img);
            case BufferedImage.TYPE_BYTE_GRAY -> plainBytes(img) ? new RowFormat(1, -1, img.getType(), Kind.BYTES) : generic(img);
            case BufferedImage.TYPE_INT_RGB -> plainInts(img) ? new RowFormat(3, -1, img.getType(), Kind.INT_PACKED) : generic(img);
            case BufferedImage.TYPE_INT_ARGB -> plainInts(img) ? new RowFormat(4, 0, img.getType(), Kind.INT_PACKED) : generic(img);
            default -> generic(img);
        };
    }

    private static RowFormat generic(BufferedImage img) {
        return img.getColorModel().hasAlpha()
                ? new RowFormat(4, 0, BufferedImage.TYPE_4BYTE_ABGR, Kind.GENERIC)
                : new RowFormat(3, -1, BufferedImage.TYPE_3BYTE_BGR, Kind.GENERIC);
    }

    /** Only tightly packed rasters starting at 0 are read directly (sub-images are not). */
    private static boolean plainBytes(BufferedImage img) {
        Raster r = img.getRaster();
        if (!(r.getDataBuffer() instanceof DataBufferByte db) || db.getNumBanks() != 1 || db.getOffset() != 0) return false;
        if (!(r.getSampleModel() instanceof ComponentSampleModel sm)) return false;
        int bands = sm.getNumBands();
        return r.getSampleModelTranslateX() == 0 && r.getSampleModelTranslateY() == 0
                && sm.getPixelStride() == bands && sm.getScanlineStride() == img.getWidth() * bands
                && db.getData().length >= img.getWidth() * img.getHeight() * bands;
    }

    private static boolean plainInts(BufferedImage img) {
        Raster r = img.getRaster();
        return r.getDataBuffer() instanceof DataBufferInt db && db.getNumBanks() == 1 && db.getOffset() == 0
                && r.getSampleModelTranslateX() == 0 && r.getSampleModelTranslateY() == 0
                && r.getSampleModel() instanceof java.awt.image.SinglePixelPackedSampleModel sm
                && sm.getScanlineStride() == img.getWidth();
    }

    boolean hasAlpha() {
        return alphaIndex >= 0;
    }

    /** Extra fraction bits of the samples {@link SourceRows} produces (premultiplied ones carry 4). */
    int sampleBits() {
        return hasAlpha() ? 4 : 0;
    }

    SourceRows reader(BufferedImage src) {
        return switch (kind) {
            case BYTES -> hasAlpha() ? SourceRows.premultipliedBytes(src, alphaIndex) : SourceRows.bytes(src, channels);
            case INT_PACKED -> SourceRows.packedInts(src, hasAlpha());
            case GENERIC -> SourceRows.argb(src, hasAlpha());
        };
    }

    TargetRows writer(BufferedImage dst) {
        return kind == Kind.INT_PACKED ? TargetRows.packedInts(dst, hasAlpha()) : TargetRows.bytes(dst, channels);
    }
}
