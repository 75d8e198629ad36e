package dev.snapotter.engine.codec;

/**
 * Header-level facts for reports ({@code info}): what the pixels are made of and the metadata,
 * without decoding the image.
 *
 * @param header        dimensions, format, frames, orientation
 * @param channels      samples per pixel as stored (1 gray, 3 colour, 4 with alpha or CMYK); 0 if unknown
 * @param hasAlpha      whether the stored image has an alpha channel
 * @param bitsPerSample bits per sample as stored; 0 if unknown
 * @param dpiX          horizontal resolution in dots per inch; 0 if not recorded
 * @param dpiY          vertical resolution in dots per inch; 0 if not recorded
 * @param metadata      ICC/EXIF/XMP as found in the file
 */
public record ImageDetails(ImageHeader header, int channels, boolean hasAlpha, int bitsPerSample,
                           double dpiX, double dpiY, ImageMetadata metadata) {
}
