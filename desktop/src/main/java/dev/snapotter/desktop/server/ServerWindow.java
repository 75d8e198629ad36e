package dev.snapotter.desktop.server;

import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The Server area's own window (View → Server…); hiding it stops its timer and closes its streams. */
public final class ServerWindow {

    private final Stage stage = new Stage();
    private final ServerView view;

    public ServerWindow(Window owner, ServerArea area) {
        view = new ServerView(area);
        stage.initOwner(owner);
        stage.setTitle("SnapOtter — Local server");
        Scene scene = new Scene(view, 1060, 760);
        if (owner != null && owner.getScene() != null) scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.setOnShown(e -> view.shown());
        stage.setOnHidden(e -> view.hidden());
    }

    public void show() {
        if (stage.isShowing()) {
            stage.toFront();
        } else {
            stage.show();
        }
    }

    public Stage stage() {
        return stage;
    }

    public ServerView view() {
        return view;
    }
}
