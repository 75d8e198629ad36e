package dev.snapotter.desktop.settings;

/** What to do with sub-folders of a dropped folder: ask each time, or a remembered answer. */
public enum SubfolderChoice {
    ASK, INCLUDE, EXCLUDE
}
