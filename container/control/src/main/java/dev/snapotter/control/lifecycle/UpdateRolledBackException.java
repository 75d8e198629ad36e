package dev.snapotter.control.lifecycle;

/** An update failed its health gate; the previous container is back in service. */
public final class UpdateRolledBackException extends ControlException {

    public UpdateRolledBackException(String message, Throwable cause) {
        super(message, cause);
    }
}
