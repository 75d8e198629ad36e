package dev.snapotter.backup;

import dev.snapotter.backup.BackupRejectedException.Reason;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Damaged and hostile archives are refused by verify and by restore, and a refused restore leaves the data
 * folder byte-for-byte as it was. The hostile ones are built with commons-compress directly, because the
 * product's own writer refuses to produce them.
 */
class HostileBackupTest {

    @TempDir
    Path tmp;
    Path target;
    Map<String, String> before;
    byte[] good;
    /** The good backup's entries, in order, to rebuild variants from. */
    LinkedHashMap<String, byte[]> entries;

    @BeforeEach
    void setUp() throws Exception {
        Path source = TestData.dataDir(tmp.resolve("source"), 200, 2, 11);
        good = TestData.backup(source, BackupOptions.plain());
        entries = unpack(good);
        target = TestData.dataDir(tmp.resolve("target"), 10, 2, 12);
        before = TestData.tree(target);
    }

    @Test
    void theUnmodifiedArchiveIsAccepted() throws Exception {
        assertThat(BackupVerifier.verify(write("good", good), null, 2).fileCount()).isEqualTo(4);
        assertThat(repack(entries, List.of())).isNotEmpty();
        assertThat(BackupVerifier.verify(write("repacked", repack(entries, List.of())), null, 2).fileCount()).isEqualTo(4);
    }

    @Test
    void flippedByteIsCorruptOrTampered() throws Exception {
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 0x40;
        refused("flipped", bad, Reason.CORRUPT, Reason.TAMPERED);
    }

    @Test
    void truncatedArchiveIsTruncated() throws Exception {
        refused("cut-half", Arrays.copyOf(good, good.length / 2), Reason.TRUNCATED);
        refused("cut-end", Arrays.copyOf(good, good.length - 3), Reason.TRUNCATED, Reason.CORRUPT);
        refused("empty", new byte[0], Reason.NOT_A_BACKUP);
    }

    @Test
    void changedContentWithTheOriginalManifestIsTampered() throws Exception {
        LinkedHashMap<String, byte[]> changed = new LinkedHashMap<>(entries);
        byte[] notes = changed.get("uploads/notes.txt").clone();
        notes[0] ^= 1;
        changed.put("uploads/notes.txt", notes);
        refused("tampered", repack(changed, List.of()), Reason.TAMPERED);
    }

    @Test
    void extraAndMissingFilesAreTampered() throws Exception {
        LinkedHashMap<String, byte[]> extra = new LinkedHashMap<>(entries);
        extra.put("uploads/extra.txt", "not listed".getBytes());
        refused("extra", repack(extra, List.of()), Reason.TAMPERED);
        LinkedHashMap<String, byte[]> missing = new LinkedHashMap<>(entries);
        missing.remove("uploads/notes.txt");
        refused("missing", repack(missing, List.of()), Reason.TAMPERED);
    }

    @Test
    void traversalAbsoluteAndSymlinkEntriesAreUnsafe() throws Exception {
        for (String name : List.of("../evil.txt", "uploads/../../evil.txt", "/etc/evil")) {
            refused("traversal", repack(entries, List.of(file(name, "x".getBytes()))), Reason.UNSAFE_ENTRY);
        }
        TarArchiveEntry link = new TarArchiveEntry("uploads/link", TarArchiveEntry.LF_SYMLINK);
        link.setLinkName("/etc/passwd");
        refused("symlink", repack(entries, List.of(new Extra(link, new byte[0]))), Reason.UNSAFE_ENTRY);
        TarArchiveEntry hard = new TarArchiveEntry("uploads/hard", TarArchiveEntry.LF_LINK);
        hard.setLinkName("snapotter.db");
        refused("hardlink", repack(entries, List.of(new Extra(hard, new byte[0]))), Reason.UNSAFE_ENTRY);
        TarArchiveEntry device = new TarArchiveEntry("uploads/dev", TarArchiveEntry.LF_CHR);
        refused("device", repack(entries, List.of(new Extra(device, new byte[0]))), Reason.UNSAFE_ENTRY);
        assertThat(tmp.resolve("evil.txt")).doesNotExist();
        assertThat(target.getParent().resolve("evil.txt")).doesNotExist();
    }

    @Test
    void reservedNamesInTheManifestAreUnsafe() throws Exception {
        LinkedHashMap<String, byte[]> reserved = new LinkedHashMap<>(entries);
        reserved.put(".restore-journal.json", "{}".getBytes());
        String manifest = new String(reserved.get("manifest.json"), StandardCharsets.UTF_8)
                .replace("\"files\" : [", "\"files\" : [ { \"path\" : \".restore-journal.json\", \"size\" : 2, \"sha256\" : \""
                        + dev.snapotter.archive.Sha256.of("{}".getBytes()) + "\" },");
        reserved.put("manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
        refused("reserved", repack(reserved, List.of()), Reason.UNSAFE_ENTRY);
    }

    @Test
    void manifestNotFirstOrAbsentIsNotABackup() throws Exception {
        LinkedHashMap<String, byte[]> reordered = new LinkedHashMap<>();
        entries.forEach((k, v) -> {
            if (!k.equals("manifest.json")) reordered.put(k, v);
        });
        reordered.put("manifest.json", entries.get("manifest.json"));
        refused("not-first", repack(reordered, List.of()), Reason.NOT_A_BACKUP);
        refused("no-manifest", repack(new LinkedHashMap<>(Map.of("a.txt", "a".getBytes())), List.of()), Reason.NOT_A_BACKUP);
        refused("random", TestData.bytes(new java.util.Random(3), 5000), Reason.NOT_A_BACKUP);
    }

    @Test
    void encryptedArchivesDetectTruncationReorderingAndTampering() throws Exception {
        Path source = TestData.dataDir(tmp.resolve("source-enc"), 200, 2, 13);
        Files.write(source.resolve("uploads/big.bin"), TestData.bytes(new java.util.Random(5), 900_000));
        char[] pass = "pass phrase".toCharArray();
        byte[] enc = TestData.backup(source, new BackupOptions(false, pass));
        int header = EncryptionHeader.LENGTH;
        int sealed = EncryptionHeader.DEFAULT_SEGMENT + 16;
        assertThat(enc.length).as("needs at least three segments").isGreaterThan(header + 2 * sealed);
        // cut exactly after the first segment: every byte present authenticates, but the end marker is missing
        refused("enc-boundary", Arrays.copyOf(enc, header + sealed), pass, Reason.TRUNCATED);
        refused("enc-mid", Arrays.copyOf(enc, header + sealed + 1000), pass, Reason.TRUNCATED);
        refused("enc-last-segment-dropped", Arrays.copyOf(enc, header + sealed * ((enc.length - header) / sealed)), pass, Reason.TRUNCATED);
        byte[] swapped = enc.clone();
        System.arraycopy(enc, header, swapped, header + sealed, sealed);
        System.arraycopy(enc, header + sealed, swapped, header, sealed);
        refused("enc-reordered", swapped, pass, Reason.TAMPERED);
        byte[] flipped = enc.clone();
        flipped[header + sealed + 10] ^= 1;
        refused("enc-flipped", flipped, pass, Reason.TAMPERED);
        byte[] headerFlipped = enc.clone();
        headerFlipped[20] ^= 1; // the salt: derives another key, which the key check catches
        refused("enc-header", headerFlipped, pass, Reason.WRONG_PASSPHRASE);
        assertThat(BackupVerifier.verify(write("enc-good", enc), pass, 2).fileCount()).isEqualTo(5);
    }

    // --- helpers ---

    private void refused(String name, byte[] archive, Reason... allowed) throws IOException {
        refused(name, archive, null, allowed);
    }

    private void refused(String name, byte[] archive, char[] pass, Reason... allowed) throws IOException {
        Path file = write(name, archive);
        assertThatThrownBy(() -> BackupVerifier.verify(file, pass, 2)).as("verify " + name)
                .isInstanceOfSatisfying(BackupRejectedException.class, e -> assertThat(e.reason()).as(name + ": " + e.getMessage()).isIn((Object[]) allowed));
        assertThatThrownBy(() -> DataDirRestorer.restore(file, pass, target)).as("restore " + name)
                .isInstanceOfSatisfying(BackupRejectedException.class, e -> assertThat(e.reason()).as(name + ": " + e.getMessage()).isIn((Object[]) allowed));
        assertThat(TestData.tree(target)).as("data unchanged after " + name).isEqualTo(before);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = tmp.resolve(name + ".tar.gz");
        Files.write(p, bytes);
        return p;
    }

    record Extra(TarArchiveEntry entry, byte[] content) {
    }

    static Extra file(String name, byte[] content) {
        TarArchiveEntry e = new TarArchiveEntry(name, true); // preserve the name as given (no stripping of "/" or "..")
        e.setSize(content.length);
        return new Extra(e, content);
    }

    static LinkedHashMap<String, byte[]> unpack(byte[] tgz) throws IOException {
        LinkedHashMap<String, byte[]> out = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(new ByteArrayInputStream(tgz)))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) out.put(e.getName(), tar.readAllBytes());
        }
        return out;
    }

    static byte[] repack(Map<String, byte[]> files, List<Extra> extras) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            List<Extra> all = new ArrayList<>();
            files.forEach((name, content) -> all.add(file(name, content)));
            all.addAll(extras);
            for (Extra x : all) {
                tar.putArchiveEntry(x.entry());
                tar.write(x.content());
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }
}
