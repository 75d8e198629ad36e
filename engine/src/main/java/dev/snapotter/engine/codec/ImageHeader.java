package dev.snapotter.engine.codec;

/**
 * What a file says about itself before any pixel is decoded. Used for the megapixel
 * check (decompression bombs), for queue thumbnails and for the {@code info} tool.
 *
 * @param format    the detected format (from magic bytes, never from the file name)
 * @param width     width in pixels as stored (before EXIF orientation)
 * @param height    height in pixels as stored
 * @param frames    number of frames or pages (1 for still images)
 * @param orientation EXIF orientation 1..8 (1 when absent)
 */
public record ImageHeader(ImageFormat format, int width, int height, int frames, int orientation) {

    public long pixels() {
        return (long) width * height;
    }

    /** Width after EXIF orientation is applied. */
    public int orientedWidth() {
        return orientation >= 5 ? height : width;
    }

    /** Height after EXIF orientation is applied. */
    public int orientedHeight() {
        return orientation >= 5 ? width : height;
    }
}
