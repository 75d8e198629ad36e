package dev.snapotter.desktop.app;

import dev.snapotter.desktop.notice.NoticeCenter;
import dev.snapotter.desktop.task.ErrorSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app-wide {@link ErrorSink}: logs every unhandled task failure with its stack trace and, once the
 * UI exists, shows it as a notice. The executor is built before the notice centre, hence the holder.
 */
final class ErrorSinkHolder implements ErrorSink {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorSinkHolder.class);
    private volatile NoticeCenter notices;

    void attach(NoticeCenter center) {
        this.notices = center;
    }

    @Override
    public void report(String taskName, Throwable error) {
        LOG.error("Unhandled failure in '{}'", taskName, error);
        NoticeCenter n = notices;
        if (n != null) n.error("Something went wrong", taskName + ": " + error.getMessage() + " (details in the log)");
    }
}
