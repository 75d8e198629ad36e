package dev.snapotter.desktop.server;

import dev.snapotter.control.monitor.LogLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LogsViewModelTest {

    private final LogsViewModel vm = new LogsViewModel();

    private static LogLine line(String text) {
        return new LogLine(LogLine.Source.STDOUT, Optional.of(Instant.parse("2026-01-01T10:00:00Z")), text);
    }

    @Test
    void searchMovesForwardAndBackwardAndWraps() {
        vm.append(List.of(line("start"), line("ERROR one"), line("ok"), line("error two")));
        vm.queryProperty().set("error");
        assertThat(vm.next()).isTrue();
        assertThat(vm.matchProperty().get()).isEqualTo(1);
        vm.next();
        assertThat(vm.matchProperty().get()).isEqualTo(3);
        vm.next();
        assertThat(vm.matchProperty().get()).isEqualTo(1);
        vm.previous();
        assertThat(vm.matchProperty().get()).isEqualTo(3);
        assertThat(vm.followProperty().get()).isFalse(); // a match stays in view
        vm.queryProperty().set("nothing like this");
        assertThat(vm.next()).isFalse();
        assertThat(vm.matchProperty().get()).isEqualTo(-1);
    }

    @Test
    void keepsOnlyTheLastLinesAndShiftsTheMatch() {
        List<LogLine> many = new ArrayList<>();
        for (int i = 0; i < LogsViewModel.MAX_LINES; i++) many.add(line("line " + i));
        vm.append(many);
        vm.queryProperty().set("line 10");
        vm.next();
        int before = vm.matchProperty().get();
        vm.append(List.of(line("new 1"), line("new 2")));
        assertThat(vm.lines()).hasSize(LogsViewModel.MAX_LINES);
        assertThat(vm.lines().getLast().text()).isEqualTo("new 2");
        assertThat(vm.matchProperty().get()).isEqualTo(before - 2);
    }

    @Test
    void timestampsAreShownOnlyWhenAsked() {
        vm.append(List.of(line("hello")));
        assertThat(vm.format(vm.lines().getFirst())).isEqualTo("hello");
        vm.timestampsProperty().set(true);
        assertThat(vm.format(vm.lines().getFirst())).isEqualTo("2026-01-01T10:00:00Z  hello");
    }

    @Test
    void savesEveryLineAtomically(@TempDir Path dir) throws Exception {
        vm.append(List.of(line("a"), line("b")));
        Path file = dir.resolve("server.log");
        Files.writeString(file, "old");
        vm.saveTo(file);
        assertThat(Files.readString(file)).isEqualTo("a\nb\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file); // no temp file left behind
        }
    }
}
