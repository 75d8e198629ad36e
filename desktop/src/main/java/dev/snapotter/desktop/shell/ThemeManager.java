package dev.snapotter.desktop.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.snapotter.desktop.settings.Theme;
import javafx.application.Application;
import javafx.scene.Scene;

import java.util.Objects;

/** AtlantaFX Primer light/dark as the user-agent stylesheet, plus the app's own small stylesheet. */
public final class ThemeManager {

    private static final String APP_CSS = Objects.requireNonNull(
            ThemeManager.class.getResource("/dev/snapotter/desktop/app.css"), "app.css").toExternalForm();

    private ThemeManager() {
    }

    public static void apply(Theme theme, Scene scene) {
        Application.setUserAgentStylesheet(theme == Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        if (!scene.getStylesheets().contains(APP_CSS)) scene.getStylesheets().add(APP_CSS);
        scene.getRoot().getStyleClass().removeAll("theme-light", "theme-dark");
        scene.getRoot().getStyleClass().add(theme == Theme.DARK ? "theme-dark" : "theme-light");
    }
}
