package dev.snapotter.server.files;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Turns an uploaded file name into one that is safe to create and to echo back: no directories,
 * no control, bidi-override or zero-width characters (an RTL override can disguise "gpj.exe" as
 * "exe.jpg"), no leading dots, no reserved characters, and at most {@link #MAX_BYTES} UTF-8 bytes
 * with the extension kept.
 */
public final class SafeFileName {

    public static final int MAX_BYTES = 150;
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cntrl}\\p{Cf}\\u2028\\u2029]");
    private static final Pattern RESERVED = Pattern.compile("[<>:\"|?*]");
    private static final Pattern EXTENSION = Pattern.compile("^[A-Za-z0-9]{1,10}$");

    private SafeFileName() {
    }

    public static String sanitize(String original) {
        if (original == null) return "upload";
        String s = original;
        int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        if (slash >= 0) s = s.substring(slash + 1);
        s = Normalizer.normalize(s, Normalizer.Form.NFC);
        s = INVISIBLE.matcher(s).replaceAll("");
        s = RESERVED.matcher(s).replaceAll("_");
        s = s.strip().replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
        if (s.isEmpty()) return "upload";
        return truncate(s);
    }

    /** The part before the last dot. */
    public static String baseName(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The extension without the dot, or "" when there is no plausible one. */
    public static String extension(String name) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0) return "";
        String ext = name.substring(dot + 1);
        return EXTENSION.matcher(ext).matches() ? ext : "";
    }

    private static String truncate(String s) {
        if (s.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) return s;
        String ext = extension(s);
        String base = ext.isEmpty() ? s : baseName(s);
        int budget = MAX_BYTES - (ext.isEmpty() ? 0 : ext.length() + 1);
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < base.length(); ) {
            int cp = base.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + len > budget) break;
            out.appendCodePoint(cp);
            bytes += len;
            i += Character.charCount(cp);
        }
        String b = out.isEmpty() ? "upload" : out.toString();
        return ext.isEmpty() ? b : b + "." + ext;
    }

    /**
     * Whether a requested download name can only mean a plain file inside a folder: no separators,
     * no dot-only names, no leading dot, no control characters. Anything else is refused before
     * it reaches the file system.
     */
    public static boolean isPlainName(String name) {
        if (name == null || name.isEmpty() || name.length() > 255) return false;
        if (name.equals(".") || name.equals("..") || name.startsWith(".")) return false;
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0) return false;
        return !INVISIBLE.matcher(name).find() && name.getBytes(StandardCharsets.UTF_8).length <= 255;
    }
}
