package dev.snapotter.archive;

import dev.snapotter.archive.UnsafeArchiveException.Reason;

/**
 * The one place that decides whether an entry name is safe to join to a target directory. Used when
 * reading (a hostile archive) and when writing (so SnapOtter never produces what it would refuse).
 * Names are judged as text, before any {@code Path} exists, so the host's path rules cannot make a
 * Windows-style or NUL-bearing name look harmless.
 */
public final class EntryNames {

    static final int MAX_NAME_CHARS = 4096;
    static final int MAX_SEGMENT_CHARS = 255;

    private EntryNames() {
    }

    /**
     * Returns the normalised form of {@code raw} (leading {@code ./} and trailing {@code /} removed) or throws
     * when it is absolute, climbs with {@code ..}, or holds characters no portable file name has.
     */
    public static String normalise(String raw) throws UnsafeArchiveException {
        if (raw == null || raw.isEmpty()) throw refuse(Reason.BAD_NAME, raw, "has an empty name");
        if (raw.length() > MAX_NAME_CHARS) throw refuse(Reason.BAD_NAME, raw, "has a name longer than " + MAX_NAME_CHARS + " characters");
        if (raw.startsWith("/") || raw.startsWith("\\") || hasDriveLetter(raw)) {
            throw refuse(Reason.ABSOLUTE_PATH, raw, "is an absolute path");
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\') throw refuse(Reason.BAD_NAME, raw, "contains a backslash");
            if (c < 0x20 || c == 0x7f) throw refuse(Reason.BAD_NAME, raw, "contains a control character");
        }
        String name = raw;
        while (name.startsWith("./")) name = name.substring(2);
        while (name.endsWith("/")) name = name.substring(0, name.length() - 1);
        if (name.isEmpty() || name.equals(".")) throw refuse(Reason.BAD_NAME, raw, "names the archive root itself");
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..")) throw refuse(Reason.PARENT_TRAVERSAL, raw, "climbs out of its folder with '..'");
            if (segment.isEmpty() || segment.equals(".")) throw refuse(Reason.BAD_NAME, raw, "has an empty or '.' path segment");
            if (segment.length() > MAX_SEGMENT_CHARS) throw refuse(Reason.BAD_NAME, raw, "has a path segment longer than " + MAX_SEGMENT_CHARS);
        }
        return name;
    }

    private static boolean hasDriveLetter(String raw) {
        return raw.length() >= 2 && raw.charAt(1) == ':' && Character.isLetter(raw.charAt(0));
    }

    private static UnsafeArchiveException refuse(Reason reason, String raw, String what) {
        return new UnsafeArchiveException(reason, raw, "The archive entry '" + printable(raw) + "' " + what + "; the archive was refused.");
    }

    /** Makes a hostile name safe to show in a message or log (no control characters, bounded length). */
    static String printable(String raw) {
        if (raw == null) return "";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < raw.length() && out.length() < 200; i++) {
            char c = raw.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return raw.length() > 200 ? out + "…" : out.toString();
    }
}
