package dev.snapotter.archive;

import dev.snapotter.archive.UnsafeArchiveException.Reason;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

class SafeTarReaderTest {

    private static List<String> names(byte[] archive, ArchiveLimits limits) throws IOException {
        List<String> seen = new ArrayList<>();
        SafeTarReader.read(new ByteArrayInputStream(archive), limits,
                (entry, content) -> seen.add(entry.name() + (entry.isDirectory() ? "/" : "=" + new String(content.readAllBytes(), StandardCharsets.UTF_8))));
        return seen;
    }

    private static Reason refusal(byte[] archive, ArchiveLimits limits) {
        return org.assertj.core.api.Assertions.catchThrowableOfType(UnsafeArchiveException.class, () -> names(archive, limits)).reason();
    }

    private static Reason refusal(byte[] archive) {
        return refusal(archive, ArchiveLimits.defaults());
    }

    @Test
    void readsPlainFilesAndFoldersInOrderWithNormalisedNames() throws IOException {
        byte[] archive = new HostileArchives().file("./manifest.json", "{}").directory("uploads").file("uploads/a.png", "A").build();
        assertThat(names(archive, ArchiveLimits.defaults())).containsExactly("manifest.json={}", "uploads/", "uploads/a.png=A");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "\\\\server\\share", "C:/Windows/evil"})
    void refusesAbsolutePaths(String name) {
        assertThat(refusal(new HostileArchives().file(name, "x").build())).isEqualTo(Reason.ABSOLUTE_PATH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape", "a/../../escape", "a/..", ".."})
    void refusesParentTraversal(String name) {
        assertThat(refusal(new HostileArchives().file(name, "x").build())).isEqualTo(Reason.PARENT_TRAVERSAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\\..\\b", "a//b", "a/./b", "bell\u0007name", "new\nline"})
    void refusesOddNames(String name) {
        assertThat(refusal(new HostileArchives().file(name, "x").build())).isEqualTo(Reason.BAD_NAME);
    }

    @Test
    void namesAreJudgedAsTextBeforeAnyPathExists() throws UnsafeArchiveException {
        // tar headers end a name at NUL, so this case is reachable only through a PAX header or a caller's string
        assertThatThrownBy(() -> EntryNames.normalise("evil\u0000.png")).isInstanceOf(UnsafeArchiveException.class);
        assertThatThrownBy(() -> EntryNames.normalise("")).isInstanceOf(UnsafeArchiveException.class);
        assertThatThrownBy(() -> EntryNames.normalise("./")).isInstanceOf(UnsafeArchiveException.class);
        assertThat(EntryNames.normalise("./a/b/")).isEqualTo("a/b");
        assertThat(EntryNames.normalise("..hidden/ok..")).isEqualTo("..hidden/ok..");
    }

    @Test
    void refusesLinksEvenWhenTheyPointInside() {
        assertThat(refusal(new HostileArchives().symlink("link", "/etc/passwd").build())).isEqualTo(Reason.LINK);
        assertThat(refusal(new HostileArchives().file("a", "x").symlink("b", "a").build())).isEqualTo(Reason.LINK);
        assertThat(refusal(new HostileArchives().file("a", "x").hardlink("b", "a").build())).isEqualTo(Reason.LINK);
    }

    @Test
    void refusesDevicesAndPipes() {
        assertThat(refusal(new HostileArchives().special("dev", TarConstants.LF_CHR).build())).isEqualTo(Reason.SPECIAL_FILE);
        assertThat(refusal(new HostileArchives().special("blk", TarConstants.LF_BLK).build())).isEqualTo(Reason.SPECIAL_FILE);
        assertThat(refusal(new HostileArchives().special("fifo", TarConstants.LF_FIFO).build())).isEqualTo(Reason.SPECIAL_FILE);
    }

    @Test
    void refusesDuplicatesAndFilesUsedAsFolders() {
        assertThat(refusal(new HostileArchives().file("a", "1").file("a", "2").build())).isEqualTo(Reason.DUPLICATE);
        assertThat(refusal(new HostileArchives().file("a", "1").file("a/b", "2").build())).isEqualTo(Reason.DUPLICATE);
        assertThat(refusal(new HostileArchives().file("a/b", "1").file("a", "2").build())).isEqualTo(Reason.DUPLICATE);
    }

    @Test
    void enforcesEntryCountAndSizeCaps() {
        byte[] three = new HostileArchives().file("a", "1").file("b", "2").file("c", "3").build();
        assertThat(refusal(three, ArchiveLimits.defaults().withMaxEntries(2))).isEqualTo(Reason.TOO_MANY_ENTRIES);
        byte[] big = new HostileArchives().file("a", "12345").build();
        assertThat(refusal(big, ArchiveLimits.defaults().withMaxEntryBytes(4))).isEqualTo(Reason.ENTRY_TOO_LARGE);
        byte[] two = new HostileArchives().file("a", "123").file("b", "456").build();
        assertThat(refusal(two, ArchiveLimits.defaults().withMaxTotalBytes(5))).isEqualTo(Reason.TOTAL_TOO_LARGE);
    }

    @Test
    void stopsADecompressionBombWhileItInflates() {
        byte[] bomb = new HostileArchives().zeros("zeros.bin", 64L << 20).build();
        assertThat(bomb.length).isLessThan(200_000);
        assertThat(refusal(bomb, ArchiveLimits.defaults().withMaxCompressionRatio(100))).isEqualTo(Reason.COMPRESSION_RATIO);
    }

    @Test
    void smallCompressibleFilesAreNotMistakenForBombs() throws IOException {
        byte[] archive = new HostileArchives().zeros("page.db", 512 << 10).build();
        assertThat(names(archive, ArchiveLimits.defaults().withMaxCompressionRatio(10))).hasSize(1);
    }

    @Test
    void reportsTruncationAndCorruption() {
        byte[] archive = new HostileArchives().file("a", "x".repeat(100_000)).file("b", "y".repeat(1000)).build();
        assertThat(refusal(Arrays.copyOf(archive, archive.length / 2))).isIn(Reason.TRUNCATED, Reason.CORRUPT);
        assertThat(refusal(Arrays.copyOf(archive, archive.length - 4))).isIn(Reason.TRUNCATED, Reason.CORRUPT);
        byte[] flipped = archive.clone();
        flipped[flipped.length - 6] ^= 0x55; // inside the gzip trailer's CRC-32
        assertThat(refusal(flipped)).isEqualTo(Reason.CORRUPT);
    }

    @Test
    void refusesWhatIsNotAGzip() {
        assertThat(refusal(new byte[0])).isEqualTo(Reason.NOT_AN_ARCHIVE);
        assertThat(refusal("PK\u0003\u0004 a zip".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(Reason.NOT_AN_ARCHIVE);
    }

    @Test
    void messagesNameTheEntryWithoutControlCharacters() {
        assertThatThrownBy(() -> names(new HostileArchives().file("../\u001b[31mevil", "x").build(), ArchiveLimits.defaults()))
                .asInstanceOf(type(UnsafeArchiveException.class))
                .satisfies(e -> assertThat(e.getMessage()).contains("'../?[31mevil'").doesNotContain("\u001b"));
    }

    @Test
    void writerOutputIsReadBackExactly() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarGzWriter writer = new TarGzWriter(out)) {
            writer.addBytes("manifest.json", "{\"v\":1}".getBytes(StandardCharsets.UTF_8));
            writer.addDirectory("deep");
            writer.addBytes("deep/" + "n".repeat(150) + "/file.txt", "long name".getBytes(StandardCharsets.UTF_8));
            writer.addBytes("ünïcode.txt", "é".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(names(out.toByteArray(), ArchiveLimits.defaults())).containsExactly(
                "manifest.json={\"v\":1}", "deep/", "deep/" + "n".repeat(150) + "/file.txt=long name", "ünïcode.txt=é");
    }

    @Test
    void writerRefusesWhatTheReaderWouldRefuse() throws IOException {
        try (TarGzWriter writer = new TarGzWriter(new ByteArrayOutputStream())) {
            assertThatThrownBy(() -> writer.addBytes("../x", new byte[1])).isInstanceOf(UnsafeArchiveException.class);
            assertThatThrownBy(() -> writer.addBytes("/x", new byte[1])).isInstanceOf(UnsafeArchiveException.class);
            writer.addBytes("x", new byte[1]);
            assertThatThrownBy(() -> writer.addBytes("x", new byte[1])).isInstanceOf(UnsafeArchiveException.class);
        }
    }

    @Test
    void aFileThatShrinksWhileArchivedNeverYieldsAFinishedArchive() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> {
            try (TarGzWriter writer = new TarGzWriter(out)) {
                writer.addStream("short", 10, new ByteArrayInputStream(new byte[3]));
            }
        }).isInstanceOf(IOException.class).hasMessageContaining("changed while it was archived");
        assertThat(refusal(out.toByteArray())).isIn(Reason.TRUNCATED, Reason.CORRUPT, Reason.NOT_AN_ARCHIVE);
    }
}
