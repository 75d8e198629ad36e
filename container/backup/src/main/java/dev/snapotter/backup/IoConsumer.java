package dev.snapotter.backup;

import java.io.IOException;

/** A consumer that may throw {@link IOException} (writes a whole file into a stream). */
@FunctionalInterface
public interface IoConsumer<T> {

    void accept(T value) throws IOException;
}
