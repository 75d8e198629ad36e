package dev.snapotter.engine.pipeline;

import dev.snapotter.engine.ImageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AtomicOutputTest {

    @TempDir
    Path dir;

    @Test
    void outputsGetTheSamePermissionsAsAnOrdinaryNewFile() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions only");
        Path reference = Files.writeString(dir.resolve("reference.txt"), "x");
        Path out = dir.resolve("out.jpg");

        AtomicOutput.write(out, o -> o.write("pixels".getBytes(StandardCharsets.UTF_8)));

        // Files.createTempFile would have made this 0600, unreadable to a web server or other users.
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(Files.getPosixFilePermissions(reference));
        assertThat(Files.readString(out)).isEqualTo("pixels");
    }

    @Test
    void aFailedWriteLeavesNothingBehindAndKeepsTheOldFile() throws IOException {
        Path out = Files.writeString(dir.resolve("out.png"), "old");

        assertThatThrownBy(() -> AtomicOutput.write(out, o -> {
            o.write(1);
            throw new IOException("disk full");
        })).isInstanceOf(ImageException.class).hasMessageContaining("disk full");

        assertThat(Files.readString(out)).isEqualTo("old");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }
}
