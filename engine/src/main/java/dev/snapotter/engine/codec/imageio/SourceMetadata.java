package dev.snapotter.engine.codec.imageio;

import dev.snapotter.engine.codec.ImageMetadata;

/**
 * What the container (JPEG segments, PNG chunks, WebP chunks) says before any decoding.
 * Width/height are 0 when the container parser does not know them (ImageIO is asked then).
 *
 * @param metadata    ICC/EXIF/XMP as found (malformed EXIF already dropped)
 * @param orientation EXIF orientation 1..8
 * @param width       declared width, 0 if unknown here
 * @param height      declared height, 0 if unknown here
 * @param frames      frames declared by the container (APNG), 1 otherwise
 * @param jpegComponents colour components of a JPEG frame (4 = CMYK/YCCK), 0 if not a JPEG
 * @param exifProblem why an EXIF block was dropped, or null
 */
record SourceMetadata(ImageMetadata metadata, int orientation, int width, int height, int frames,
                      int jpegComponents, String exifProblem) {

    static final SourceMetadata NONE = new SourceMetadata(ImageMetadata.NONE, 1, 0, 0, 1, 0, null);
}
