package dev.snapotter.desktop.task;

/** The body of a {@link BackgroundTask}; runs on a named background thread, never on the FX thread. */
@FunctionalInterface
public interface Work<T> {

    T run(TaskContext context) throws Exception;
}
