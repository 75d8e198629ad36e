package dev.snapotter.archive;

import dev.snapotter.archive.UnsafeArchiveException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SafeTarExtractorTest {

    @TempDir
    Path tmp;

    @Test
    void extractsFilesWithTheirHashes() throws IOException {
        Path source = Files.writeString(tmp.resolve("photo.bin"), "pixels");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarGzWriter writer = new TarGzWriter(out)) {
            writer.addFile("uploads/photo.bin", source);
            writer.addDirectory("empty");
        }
        Path target = tmp.resolve("restored");
        List<ExtractedFile> files = SafeTarExtractor.extract(new ByteArrayInputStream(out.toByteArray()), target, ArchiveLimits.defaults());

        assertThat(files).containsExactly(new ExtractedFile("uploads/photo.bin", 6, Sha256.of("pixels".getBytes(StandardCharsets.UTF_8))));
        assertThat(target.resolve("uploads/photo.bin")).hasContent("pixels");
        assertThat(target.resolve("empty")).isDirectory();
    }

    @Test
    void aRefusedArchiveLeavesNothingBehind() throws IOException {
        byte[] archive = new HostileArchives().file("ok.txt", "fine").directory("d").file("d/x", "y").symlink("d/link", "/etc").build();
        Path target = tmp.resolve("new");

        UnsafeArchiveException e = catchThrowableOfType(UnsafeArchiveException.class,
                () -> SafeTarExtractor.extract(new ByteArrayInputStream(archive), target, ArchiveLimits.defaults()));

        assertThat(e.reason()).isEqualTo(Reason.LINK);
        assertThat(target).doesNotExist();
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aTruncatedArchiveLeavesNothingBehind() {
        byte[] archive = new HostileArchives().file("a", "x".repeat(300_000)).build();
        byte[] cut = java.util.Arrays.copyOf(archive, archive.length / 3);
        Path target = tmp.resolve("new");
        assertThatThrownBy(() -> SafeTarExtractor.extract(new ByteArrayInputStream(cut), target, ArchiveLimits.defaults()))
                .isInstanceOf(UnsafeArchiveException.class);
        assertThat(target).doesNotExist();
    }

    @Test
    void neverWritesIntoAnExistingDirectory() throws IOException {
        Path existing = Files.createDirectory(tmp.resolve("existing"));
        Files.writeString(existing.resolve("keep.txt"), "mine");
        byte[] archive = new HostileArchives().file("keep.txt", "theirs").build();

        assertThatThrownBy(() -> SafeTarExtractor.extract(new ByteArrayInputStream(archive), existing, ArchiveLimits.defaults()))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(existing.resolve("keep.txt")).hasContent("mine");
    }

    @Test
    void aBombIsStoppedBeforeTheDiskFills() throws IOException {
        byte[] bomb = new HostileArchives().zeros("zeros.bin", 256L << 20).build();
        Path target = tmp.resolve("bomb");
        assertThatThrownBy(() -> SafeTarExtractor.extract(new ByteArrayInputStream(bomb), target, ArchiveLimits.defaults()))
                .isInstanceOf(UnsafeArchiveException.class)
                .extracting(t -> ((UnsafeArchiveException) t).reason()).isEqualTo(Reason.COMPRESSION_RATIO);
        assertThat(target).doesNotExist();
    }

    @Test
    void closeFinishesAndClosesButFinishLeavesTheTargetOpen() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputStream target = new OutputStream() {
            @Override public void write(int b) { bytes.write(b); }
            @Override public void write(byte[] b, int off, int len) { bytes.write(b, off, len); }
            @Override public void close() { closed[0] = true; }
        };
        TarGzWriter writer = new TarGzWriter(target);
        writer.addBytes("a", new byte[]{1});
        writer.finish();
        assertThat(closed[0]).isFalse();
        assertThat(SafeTarExtractor.extract(new ByteArrayInputStream(bytes.toByteArray()), tmp.resolve("x"), ArchiveLimits.defaults())).hasSize(1);
        writer.close();
        assertThat(closed[0]).isTrue();
    }
}
