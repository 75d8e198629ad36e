package dev.snapotter.desktop.notice;

/** A message for the user, shown as a banner in the main window. */
public record Notice(Level level, String title, String text) {

    public enum Level { INFO, WARNING, ERROR }
}
