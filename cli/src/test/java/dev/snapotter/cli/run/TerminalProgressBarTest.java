package dev.snapotter.cli.run;

import dev.snapotter.engine.batch.BatchResult;
import dev.snapotter.engine.batch.FileOutcome;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalProgressBarTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicLong now = new AtomicLong();
    private final TerminalProgressBar bar = new TerminalProgressBar(new PrintWriter(out), new PrintWriter(err),
            new PathDisplay(Path.of("")), now::get);

    @Test
    void rendersCountPercentAndTimeLeft() {
        bar.started(4);
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        bar.fileStarted(Path.of("a/b/second.jpg"));
        bar.fileFinished(FileOutcome.done(Path.of("first.jpg"), Path.of("out/first.jpg")), 1, 4);

        assertThat(bar.render(now.get())).isEqualTo("[######------------------] 1/4   25%  0:30 left  second.jpg");
    }

    @Test
    void longNamesAreShortenedToKeepTheLineUnder80Columns() {
        bar.started(10);
        bar.fileStarted(Path.of("x".repeat(200) + ".jpg"));

        String line = bar.render(now.get());

        assertThat(line.length()).isLessThanOrEqualTo(TerminalProgressBar.LINE_WIDTH);
        assertThat(line).endsWith("xxx.jpg").contains("…");
    }

    @Test
    void failuresGoToStderrOnTheirOwnLine() {
        bar.started(2);
        bar.fileFinished(FileOutcome.failed(Path.of("bad.jpg"), "truncated JPEG"), 1, 2);
        bar.fileFinished(FileOutcome.done(Path.of("ok.jpg"), Path.of("o/ok.jpg")), 2, 2);
        bar.finished(new BatchResult(List.of(), false, Duration.ZERO));

        assertThat(err.toString()).isEqualTo("FAILED bad.jpg: truncated JPEG" + System.lineSeparator());
        assertThat(out.toString()).contains("\r[########################] 2/2  100%").endsWith(System.lineSeparator());
    }

    @Test
    void redrawsAreThrottled() {
        bar.started(1000);
        int before = out.toString().split("\r", -1).length;
        for (int i = 0; i < 100; i++) bar.fileStarted(Path.of("f" + i + ".jpg"));

        assertThat(out.toString().split("\r", -1).length).isEqualTo(before);
    }
}
