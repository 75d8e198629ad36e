package dev.snapotter.desktop.preset;

/** A preset file that cannot be used; the message says why, in plain language. */
public final class PresetFormatException extends Exception {

    public PresetFormatException(String message) {
        super(message);
    }

    public PresetFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
