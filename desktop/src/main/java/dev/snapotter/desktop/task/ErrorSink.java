package dev.snapotter.desktop.task;

/**
 * Where failures go when the task that hit them has no failure handler of its own. The app's sink
 * logs and shows a notification; nothing is ever dropped silently.
 */
@FunctionalInterface
public interface ErrorSink {

    void report(String taskName, Throwable error);
}
