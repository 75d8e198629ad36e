package dev.snapotter.desktop.settings;

/** The app's colour scheme (AtlantaFX Primer light/dark). */
public enum Theme {
    LIGHT, DARK;

    public Theme toggled() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
