package dev.snapotter.engine.codec;

/**
 * Metadata carried alongside the pixels so it can be kept or stripped on output.
 * Byte arrays are raw payloads as found in the file (EXIF as a TIFF structure without the
 * "Exif\0\0" prefix, XMP as UTF-8 packet, ICC as the profile bytes); null means absent.
 *
 * @param icc  embedded colour profile
 * @param exif EXIF block (orientation already applied to the pixels and reset to 1 on write)
 * @param xmp  XMP packet
 * @param hasGps whether the EXIF block carries a GPS IFD
 */
public record ImageMetadata(byte[] icc, byte[] exif, byte[] xmp, boolean hasGps) {

    public static final ImageMetadata NONE = new ImageMetadata(null, null, null, false);

    public ImageMetadata withoutIcc() {
        return new ImageMetadata(null, exif, xmp, hasGps);
    }

    public ImageMetadata withoutExif() {
        return new ImageMetadata(icc, null, xmp, false);
    }

    public ImageMetadata withoutXmp() {
        return new ImageMetadata(icc, exif, null, hasGps);
    }

    public boolean isEmpty() {
        return icc == null && exif == null && xmp == null;
    }
}
