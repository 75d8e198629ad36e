package dev.snapotter.engine.codec.imageio;

import dev.snapotter.engine.ImageException;
import dev.snapotter.engine.codec.ImageFormat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Tells the format from the first bytes of a file, never from its name: a PNG called
 * {@code photo.jpg} is a PNG, and an HTML page called {@code photo.jpg} is refused.
 */
public final class FormatSniffer {

    static final int HEAD_BYTES = 64;

    private FormatSniffer() {
    }

    /** @throws ImageException EMPTY for zero bytes, UNSUPPORTED_FORMAT for anything unrecognised */
    public static ImageFormat sniff(Path file) {
        byte[] head = readHead(file);
        if (head.length == 0) throw new ImageException(ImageException.Kind.EMPTY, "the file is empty (0 bytes)");
        ImageFormat f = sniff(head);
        if (f != null) return f;
        String what = describeNonImage(head);
        throw new ImageException(ImageException.Kind.UNSUPPORTED_FORMAT,
                "not a supported image" + (what == null ? " (unrecognised file signature)" : " (" + what + ")"));
    }

    static byte[] readHead(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD_BYTES);
        } catch (IOException e) {
            throw new ImageException(ImageException.Kind.IO, "cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** The format for these leading bytes, or null. */
    static ImageFormat sniff(byte[] h) {
        if (starts(h, 0xFF, 0xD8, 0xFF)) return ImageFormat.JPEG;
        if (starts(h, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return ImageFormat.PNG;
        if (ascii(h, 0, "GIF87a") || ascii(h, 0, "GIF89a")) return ImageFormat.GIF;
        if (ascii(h, 0, "II*\0") || ascii(h, 0, "MM\0*") || ascii(h, 0, "II+\0") || ascii(h, 0, "MM\0+")) return ImageFormat.TIFF;
        if (ascii(h, 0, "RIFF") && ascii(h, 8, "WEBP")) return ImageFormat.WEBP;
        if (ascii(h, 0, "8BPS")) return ImageFormat.PSD;
        if (ascii(h, 0, "BM") && h.length >= 18) return ImageFormat.BMP;
        if (ascii(h, 4, "ftyp")) return isoBrand(h);
        if (ascii(h, 0, "#?RADIANCE") || ascii(h, 0, "#?RGBE")) return ImageFormat.HDR;
        if (ascii(h, 0, "FORM") && (ascii(h, 8, "ILBM") || ascii(h, 8, "PBM "))) return ImageFormat.IFF;
        if (starts(h, 0x01, 0xDA) && h.length > 3 && (h[2] == 0 || h[2] == 1)) return ImageFormat.SGI;
        if (isIco(h)) return ImageFormat.ICO;
        if (isPnm(h)) return ImageFormat.PNM;
        if (isPcx(h)) return ImageFormat.PCX;
        if (isTga(h)) return ImageFormat.TGA;
        return null;
    }

    private static ImageFormat isoBrand(byte[] h) {
        String brand = h.length >= 12 ? new String(h, 8, 4, StandardCharsets.US_ASCII) : "";
        if (brand.startsWith("avi")) return ImageFormat.AVIF;
        if (brand.startsWith("hei") || brand.startsWith("mif") || brand.startsWith("hev") || brand.startsWith("msf")) return ImageFormat.HEIF;
        return null;
    }

    private static boolean isIco(byte[] h) {
        // reserved 0, type 1 (icon) or 2 (cursor), 1..256 images, entry reserved byte 0
        if (h.length < 22 || h[0] != 0 || h[1] != 0 || (h[2] != 1 && h[2] != 2) || h[3] != 0) return false;
        int count = (h[4] & 0xff) | (h[5] & 0xff) << 8;
        return count > 0 && count <= 256 && h[9] == 0;
    }

    private static boolean isPnm(byte[] h) {
        if (h.length < 3 || h[0] != 'P') return false;
        boolean type = (h[1] >= '1' && h[1] <= '7') || h[1] == 'F' || h[1] == 'f';
        return type && Character.isWhitespace(h[2]);
    }

    private static boolean isPcx(byte[] h) {
        if (h.length < 4 || (h[0] & 0xff) != 0x0A) return false;
        int version = h[1] & 0xff;
        int bpp = h[3] & 0xff;
        return (version <= 5 && version != 1) && (h[2] == 0 || h[2] == 1) && (bpp == 1 || bpp == 2 || bpp == 4 || bpp == 8);
    }

    /** TGA has no magic; accept only a header whose every field is plausible. */
    private static boolean isTga(byte[] h) {
        if (h.length < 18) return false;
        int cmapType = h[1] & 0xff;
        int type = h[2] & 0xff;
        int depth = h[16] & 0xff;
        int width = (h[12] & 0xff) | (h[13] & 0xff) << 8;
        int height = (h[14] & 0xff) | (h[15] & 0xff) << 8;
        boolean typeOk = Arrays.asList(1, 2, 3, 9, 10, 11).contains(type);
        boolean depthOk = Arrays.asList(8, 15, 16, 24, 32).contains(depth);
        boolean cmapOk = cmapType == 1 ? (type == 1 || type == 9) : cmapType == 0 && h[3] == 0 && h[4] == 0 && h[5] == 0 && h[6] == 0;
        return typeOk && depthOk && cmapOk && width > 0 && height > 0 && (h[17] & 0xC0) == 0;
    }

    /** A short human description for common non-images, so the error says what the file really is. */
    static String describeNonImage(byte[] h) {
        String text = new String(h, StandardCharsets.ISO_8859_1).stripLeading().toLowerCase(Locale.ROOT);
        if (text.startsWith("<!doctype html") || text.startsWith("<html") || text.contains("<html")) return "looks like an HTML page";
        if (text.startsWith("<svg") || (text.startsWith("<?xml") && text.contains("<svg"))) return "SVG is not supported";
        if (text.startsWith("<?xml") || text.startsWith("<")) return "looks like XML or HTML text";
        if (text.startsWith("%pdf")) return "looks like a PDF document";
        if (starts(h, 'P', 'K', 3, 4)) return "looks like a ZIP archive";
        if (ascii(h, 4, "ftyp")) return "an ISO media file that is not AVIF or HEIC";
        return null;
    }

    private static boolean starts(byte[] h, int... magic) {
        if (h.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) if ((h[i] & 0xff) != magic[i]) return false;
        return true;
    }

    private static boolean ascii(byte[] h, int offset, String s) {
        if (h.length < offset + s.length()) return false;
        for (int i = 0; i < s.length(); i++) if ((h[offset + i] & 0xff) != s.charAt(i)) return false;
        return true;
    }
}
