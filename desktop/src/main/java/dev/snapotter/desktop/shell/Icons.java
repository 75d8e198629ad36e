package dev.snapotter.desktop.shell;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Icon helper so views read {@code Icons.of(ADD)} and sizes stay consistent. */
public final class Icons {

    private Icons() {
    }

    public static FontIcon of(Ikon ikon) {
        return FontIcon.of(ikon, 18);
    }

    public static FontIcon of(Ikon ikon, int size) {
        return FontIcon.of(ikon, size);
    }
}
