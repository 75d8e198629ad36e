package dev.snapotter.desktop.queue;

import java.util.List;

/** Asks the user whether sub-folders of dropped folders should be included; called on the UI thread. */
@FunctionalInterface
public interface SubfolderPrompt {

    boolean includeSubfolders(List<java.nio.file.Path> folders);
}
