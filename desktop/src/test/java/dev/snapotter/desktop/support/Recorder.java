package dev.snapotter.desktop.support;

import dev.snapotter.desktop.task.ErrorSink;

import java.util.ArrayList;
import java.util.List;

/** An {@link ErrorSink} that remembers what reached it. */
public final class Recorder implements ErrorSink {

    public final List<Throwable> errors = new ArrayList<>();

    @Override
    public void report(String taskName, Throwable error) {
        errors.add(error);
    }
}
