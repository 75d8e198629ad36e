package dev.snapotter.control.lifecycle;

/** A lifecycle step failed; the message is written for the person in front of the desktop app. */
public class ControlException extends RuntimeException {

    public ControlException(String message) {
        super(message);
    }

    public ControlException(String message, Throwable cause) {
        super(message, cause);
    }
}
