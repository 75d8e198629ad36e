package dev.snapotter.control.lifecycle;

/** The container did not become healthy; carries the last health snapshot (state + probe outputs). */
public final class HealthCheckFailedException extends ControlException {

    private final transient HealthSnapshot last;

    public HealthCheckFailedException(String message, HealthSnapshot last) {
        super(message + (last == null ? "" : " — last state: " + last.describe()));
        this.last = last;
    }

    public HealthSnapshot last() {
        return last;
    }
}
