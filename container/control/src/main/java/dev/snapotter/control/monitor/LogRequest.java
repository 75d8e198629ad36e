package dev.snapotter.control.monitor;

/**
 * What to read from the container log.
 *
 * @param tail       last N lines of history (0 = none, negative = all)
 * @param follow     keep the stream open for new lines
 * @param timestamps ask Docker for a timestamp per line
 */
public record LogRequest(int tail, boolean follow, boolean timestamps) {

    public static LogRequest tail(int lines) {
        return new LogRequest(lines, false, false);
    }

    public static LogRequest follow(int tail) {
        return new LogRequest(tail, true, false);
    }

    public LogRequest withTimestamps(boolean value) {
        return new LogRequest(tail, follow, value);
    }
}
