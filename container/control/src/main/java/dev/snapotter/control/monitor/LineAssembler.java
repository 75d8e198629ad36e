package dev.snapotter.control.monitor;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Docker log frames are not line-aligned: a line can span frames and a frame can hold many lines (and split a
 * UTF-8 character). Bytes are buffered per stream until a newline, then decoded, CR-trimmed, timestamp-split
 * and ANSI-stripped. Not thread-safe: one assembler per stream callback.
 */
public final class LineAssembler {

    private final boolean timestamps;
    private final Consumer<LogLine> sink;
    private final Map<LogLine.Source, ByteArrayOutputStream> partial = new EnumMap<>(LogLine.Source.class);

    public LineAssembler(boolean timestamps, Consumer<LogLine> sink) {
        this.timestamps = timestamps;
        this.sink = sink;
    }

    public void accept(LogLine.Source source, byte[] payload) {
        ByteArrayOutputStream buffer = partial.computeIfAbsent(source, s -> new ByteArrayOutputStream());
        for (byte b : payload) {
            if (b == '\n') {
                emit(source, buffer);
            } else {
                buffer.write(b);
            }
        }
    }

    /** Emits unterminated last lines (end of stream). */
    public void flush() {
        partial.forEach((source, buffer) -> {
            if (buffer.size() > 0) emit(source, buffer);
        });
    }

    private void emit(LogLine.Source source, ByteArrayOutputStream buffer) {
        String text = buffer.toString(StandardCharsets.UTF_8);
        buffer.reset();
        if (text.endsWith("\r")) text = text.substring(0, text.length() - 1);
        Optional<Instant> at = Optional.empty();
        if (timestamps) {
            int space = text.indexOf(' ');
            String head = space < 0 ? text : text.substring(0, space);
            try {
                at = Optional.of(Instant.parse(head));
                text = space < 0 ? "" : text.substring(space + 1);
            } catch (DateTimeParseException notATimestamp) {
                // keep the line as it is
            }
        }
        // A progress bar rewrites its line with bare CRs; the visible text is what follows the last one.
        int cr = text.lastIndexOf('\r');
        if (cr >= 0) text = text.substring(cr + 1);
        sink.accept(new LogLine(source, at, Ansi.strip(text)));
    }
}
