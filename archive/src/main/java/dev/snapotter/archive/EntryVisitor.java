package dev.snapotter.archive;

import java.io.IOException;
import java.io.InputStream;

/** Receives each entry in archive order; {@code content} is valid only during the call and must not be closed. */
@FunctionalInterface
public interface EntryVisitor {

    void visit(ArchiveEntry entry, InputStream content) throws IOException;
}
