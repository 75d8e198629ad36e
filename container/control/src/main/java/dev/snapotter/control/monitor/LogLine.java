package dev.snapotter.control.monitor;

import java.time.Instant;
import java.util.Optional;

/**
 * One complete log line, ANSI-free.
 *
 * @param timestamp present when the logs were requested with timestamps
 */
public record LogLine(Source source, Optional<Instant> timestamp, String text) {

    public enum Source { STDOUT, STDERR }
}
