package dev.snapotter.control.monitor;

import java.util.regex.Pattern;

/** Removes terminal colour/cursor sequences from log text (CSI and OSC sequences, lone ESC + one char). */
public final class Ansi {

    private static final Pattern SEQUENCES = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]"                    // CSI: colours, cursor moves
                    + "|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)" // OSC: window titles, hyperlinks
                    + "|\u001B[@-Z\\\\-_]");                 // two-character escapes

    private Ansi() {
    }

    public static String strip(String text) {
        return text.indexOf('\u001B') < 0 ? text : SEQUENCES.matcher(text).replaceAll("");
    }
}
