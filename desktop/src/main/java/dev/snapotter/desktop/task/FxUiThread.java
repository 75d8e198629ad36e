package dev.snapotter.desktop.task;

import javafx.application.Platform;

/** The JavaFX application thread. */
public final class FxUiThread implements UiThread {

    @Override
    public void run(Runnable action) {
        Platform.runLater(action);
    }

    @Override
    public boolean isUiThread() {
        return Platform.isFxApplicationThread();
    }
}
