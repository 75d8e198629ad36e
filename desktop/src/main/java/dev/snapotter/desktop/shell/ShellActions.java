package dev.snapotter.desktop.shell;

import javafx.scene.control.MenuBar;

import java.nio.file.Path;
import java.util.List;

/** What the main view asks of the window around it (dialogs need a Stage owner). */
public interface ShellActions {

    void openFiles();

    void openFolder();

    /** @return the chosen folder, or null when cancelled */
    Path chooseOutputFolder();

    MenuBar menuBar();

    /** AI bundle files ({@code *.snapotter-bundle.tar.gz}) dropped on the window: open the AI panel and install. */
    default void installBundles(List<Path> bundles) {
    }
}
