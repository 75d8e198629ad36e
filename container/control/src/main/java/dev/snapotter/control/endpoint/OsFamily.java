package dev.snapotter.control.endpoint;

import java.util.Locale;

/** The operating systems whose Docker socket locations differ. */
public enum OsFamily {
    LINUX, MAC, WINDOWS, OTHER;

    public static OsFamily current() {
        return fromName(System.getProperty("os.name", ""));
    }

    static OsFamily fromName(String osName) {
        String n = osName.toLowerCase(Locale.ROOT);
        if (n.contains("win")) return WINDOWS;
        if (n.contains("mac") || n.contains("darwin")) return MAC;
        if (n.contains("linux")) return LINUX;
        return OTHER;
    }

    public boolean isUnix() {
        return this != WINDOWS;
    }
}
