package dev.snapotter.engine.codec.imageio;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Removes GPS properties ({@code exif:GPS*}) from an XMP packet, both the attribute form and the
 * element form. A pragmatic text edit: XMP written by cameras and editors uses these two shapes.
 */
public final class XmpGps {

    private static final Pattern ATTRIBUTE = Pattern.compile("\\s+exif:GPS\\w+\\s*=\\s*(\"[^\"]*\"|'[^']*')");
    private static final Pattern ELEMENT = Pattern.compile("<exif:GPS(\\w+)\\b[^>]*?(/>|>.*?</exif:GPS\\1\\s*>)", Pattern.DOTALL);

    private XmpGps() {
    }

    public static byte[] strip(byte[] xmp) {
        if (xmp == null) return null;
        String s = new String(xmp, StandardCharsets.UTF_8);
        String out = ELEMENT.matcher(ATTRIBUTE.matcher(s).replaceAll("")).replaceAll("");
        return out.equals(s) ? xmp : out.getBytes(StandardCharsets.UTF_8);
    }

    public static boolean hasGps(byte[] xmp) {
        if (xmp == null) return false;
        String s = new String(xmp, StandardCharsets.UTF_8);
        return ATTRIBUTE.matcher(s).find() || ELEMENT.matcher(s).find();
    }
}
