package dev.snapotter.desktop.instance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SingleInstanceTest {

    @TempDir
    Path dir;

    @Test
    void aSecondLaunchHandsItsFilesToTheFirst() throws Exception {
        var first = SingleInstance.claim(dir.resolve("instance.lock"), dir.resolve("instance.json"), List.of());
        assertThat(first).isInstanceOf(SingleInstance.Primary.class);
        try (SingleInstance primary = ((SingleInstance.Primary) first).instance()) {
            CompletableFuture<List<String>> received = new CompletableFuture<>();
            primary.listen(received::complete);
            var second = SingleInstance.claim(dir.resolve("instance.lock"), dir.resolve("instance.json"), List.of("/photos/a.jpg"));
            assertThat(second).isInstanceOf(SingleInstance.HandedOver.class);
            assertThat(received.get(5, TimeUnit.SECONDS)).containsExactly(Path.of("/photos/a.jpg").toAbsolutePath().toString());
        }
    }

    @Test
    void aWrongTokenIsIgnored() throws Exception {
        var first = SingleInstance.claim(dir.resolve("instance.lock"), dir.resolve("instance.json"), List.of());
        try (SingleInstance primary = ((SingleInstance.Primary) first).instance()) {
            CompletableFuture<List<String>> received = new CompletableFuture<>();
            primary.listen(received::complete);
            String json = java.nio.file.Files.readString(dir.resolve("instance.json")).replaceAll("\"token\"\\s*:\\s*\"[0-9a-f]+\"", "\"token\":\"forged\"");
            java.nio.file.Files.writeString(dir.resolve("forged.json"), json);
            assertThat(SingleInstance.handOver(dir.resolve("forged.json"), List.of("/etc/passwd"))).isFalse();
            assertThat(received).isNotDone();
        }
    }
}
