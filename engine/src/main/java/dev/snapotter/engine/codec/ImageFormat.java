package dev.snapotter.engine.codec;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Image formats the engine knows by name. Whether one can be read or written is the codec's answer. */
public enum ImageFormat {
    JPEG("jpg", "image/jpeg", "jpg", "jpeg", "jpe", "jfif"),
    PNG("png", "image/png", "png"),
    WEBP("webp", "image/webp", "webp"),
    AVIF("avif", "image/avif", "avif"),
    HEIF("heic", "image/heif", "heic", "heif"),
    TIFF("tiff", "image/tiff", "tif", "tiff"),
    BMP("bmp", "image/bmp", "bmp", "dib"),
    GIF("gif", "image/gif", "gif"),
    ICO("ico", "image/x-icon", "ico", "cur"),
    PSD("psd", "image/vnd.adobe.photoshop", "psd", "psb"),
    PNM("pnm", "image/x-portable-anymap", "pnm", "pbm", "pgm", "ppm", "pam", "pfm"),
    TGA("tga", "image/x-tga", "tga", "icb", "vda", "vst"),
    HDR("hdr", "image/vnd.radiance", "hdr", "rgbe", "xyze"),
    SGI("sgi", "image/sgi", "sgi", "rgb", "rgba", "bw"),
    PCX("pcx", "image/x-pcx", "pcx", "dcx"),
    IFF("iff", "image/x-iff", "iff", "lbm", "ilbm");

    private final String primaryExtension;
    private final String mimeType;
    private final List<String> extensions;

    ImageFormat(String primaryExtension, String mimeType, String... extensions) {
        this.primaryExtension = primaryExtension;
        this.mimeType = mimeType;
        this.extensions = List.of(extensions);
    }

    /** The extension written on output files, without a dot. */
    public String extension() {
        return primaryExtension;
    }

    public String mimeType() {
        return mimeType;
    }

    public List<String> extensions() {
        return extensions;
    }

    /** Looks a format up by a file extension or a settings value such as "jpg", "jpeg" or "tif". */
    public static Optional<ImageFormat> fromName(String name) {
        if (name == null) return Optional.empty();
        String n = name.toLowerCase(Locale.ROOT).replaceFirst("^\\.", "");
        return Arrays.stream(values()).filter(f -> f.extensions.contains(n) || f.name().equalsIgnoreCase(n)).findFirst();
    }
}
