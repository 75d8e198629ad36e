package dev.snapotter.control.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LineAssemblerTest {

    private final List<LogLine> lines = new ArrayList<>();

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void linesSpanningFramesAndFramesHoldingManyLines() {
        LineAssembler a = new LineAssembler(false, lines::add);
        a.accept(LogLine.Source.STDOUT, b("first li"));
        a.accept(LogLine.Source.STDOUT, b("ne\nsecond\r\nthi"));
        a.accept(LogLine.Source.STDERR, b("an error\n"));
        a.accept(LogLine.Source.STDOUT, b("rd"));
        assertThat(lines).extracting(LogLine::text).containsExactly("first line", "second", "an error");
        a.flush();
        assertThat(lines).extracting(LogLine::text).containsExactly("first line", "second", "an error", "third");
        assertThat(lines).extracting(LogLine::source).containsExactly(LogLine.Source.STDOUT, LogLine.Source.STDOUT,
                LogLine.Source.STDERR, LogLine.Source.STDOUT);
    }

    @Test
    void utf8SplitAcrossFramesIsDecodedWhole() {
        LineAssembler a = new LineAssembler(false, lines::add);
        byte[] otter = b("Otter 🦦 ok\n");
        a.accept(LogLine.Source.STDOUT, Arrays.copyOfRange(otter, 0, 8));
        a.accept(LogLine.Source.STDOUT, Arrays.copyOfRange(otter, 8, otter.length));
        assertThat(lines).extracting(LogLine::text).containsExactly("Otter 🦦 ok");
    }

    @Test
    void ansiAndProgressCarriageReturnsAreRemoved() {
        LineAssembler a = new LineAssembler(false, lines::add);
        a.accept(LogLine.Source.STDOUT, b("\u001B[32mINFO\u001B[0m started\n10%\r50%\r100%\n"));
        assertThat(lines).extracting(LogLine::text).containsExactly("INFO started", "100%");
    }

    @Test
    void timestampsAreSplitOff() {
        LineAssembler a = new LineAssembler(true, lines::add);
        a.accept(LogLine.Source.STDOUT, b("2026-11-25T10:00:01.123456789Z hello world\nno-timestamp here\n"));
        assertThat(lines.get(0).timestamp()).contains(Instant.parse("2026-11-25T10:00:01.123456789Z"));
        assertThat(lines.get(0).text()).isEqualTo("hello world");
        assertThat(lines.get(1).timestamp()).isEqualTo(Optional.empty());
        assertThat(lines.get(1).text()).isEqualTo("no-timestamp here");
    }

    @Test
    void ansiVariants() {
        assertThat(Ansi.strip("\u001B[1;31mred\u001B[m \u001B]0;title\u0007x \u001B]8;;http://a\u001B\\link\u001B]8;;\u001B\\"))
                .isEqualTo("red x link");
        assertThat(Ansi.strip("plain")).isEqualTo("plain");
    }
}
