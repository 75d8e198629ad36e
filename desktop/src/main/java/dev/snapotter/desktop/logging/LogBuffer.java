package dev.snapotter.desktop.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.encoder.Encoder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The last lines of the log, kept in memory for the in-app log view and "Save diagnostics".
 * Listeners are called on the logging thread; the view hops to the FX thread itself.
 */
public final class LogBuffer extends AppenderBase<ILoggingEvent> {

    public static final int CAPACITY = 5000;
    private static final LogBuffer SHARED = new LogBuffer();

    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private Encoder<ILoggingEvent> encoder;

    public static LogBuffer shared() {
        return SHARED;
    }

    void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    @Override
    protected void append(ILoggingEvent event) {
        String line = encoder == null ? event.getFormattedMessage()
                : new String(encoder.encode(event), StandardCharsets.UTF_8).stripTrailing();
        synchronized (lines) {
            lines.addLast(line);
            if (lines.size() > CAPACITY) lines.removeFirst();
        }
        listeners.forEach(l -> l.accept(line));
    }

    public List<String> snapshot() {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }

    public Runnable subscribe(Consumer<String> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
