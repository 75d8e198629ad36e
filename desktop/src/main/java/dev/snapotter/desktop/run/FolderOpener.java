package dev.snapotter.desktop.run;

import java.io.IOException;
import java.nio.file.Path;

/** Shows a folder in the system file manager. Blocking; always called from a background lane. */
@FunctionalInterface
public interface FolderOpener {

    void open(Path folder) throws IOException;
}
