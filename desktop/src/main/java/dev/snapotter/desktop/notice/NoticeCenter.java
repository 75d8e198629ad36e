package dev.snapotter.desktop.notice;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects notices for the banner (latest) and keeps a short history. Call on the UI thread.
 * Every notice is also logged, so the log view and "Save diagnostics" contain what the user saw.
 */
public final class NoticeCenter {

    private static final Logger LOG = LoggerFactory.getLogger(NoticeCenter.class);
    private static final int HISTORY = 50;

    private final ReadOnlyObjectWrapper<Notice> latest = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Notice> history = FXCollections.observableArrayList();

    public void info(String title, String text) {
        post(new Notice(Notice.Level.INFO, title, text));
    }

    public void warn(String title, String text) {
        post(new Notice(Notice.Level.WARNING, title, text));
    }

    public void error(String title, String text) {
        post(new Notice(Notice.Level.ERROR, title, text));
    }

    public void post(Notice notice) {
        switch (notice.level()) {
            case INFO -> LOG.info("Notice: {} — {}", notice.title(), notice.text());
            case WARNING -> LOG.warn("Notice: {} — {}", notice.title(), notice.text());
            case ERROR -> LOG.error("Notice: {} — {}", notice.title(), notice.text());
        }
        history.addFirst(notice);
        if (history.size() > HISTORY) history.remove(HISTORY, history.size());
        latest.set(notice);
    }

    public void dismiss() {
        latest.set(null);
    }

    public ReadOnlyObjectProperty<Notice> latestProperty() {
        return latest.getReadOnlyProperty();
    }

    public ObservableList<Notice> history() {
        return history;
    }
}
