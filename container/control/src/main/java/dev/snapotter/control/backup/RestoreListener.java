package dev.snapotter.control.backup;

/** Hears a restore as it goes (progress view, CLI output). Called on the restoring thread. */
public interface RestoreListener {

    RestoreListener NONE = new RestoreListener() { };

    default void started(RestoreStep step) {
    }

    /** A line of detail inside the running step (health, helper output). */
    default void detail(String line) {
    }

    default void finished(RestoreOutcome.StepRecord record) {
    }
}
