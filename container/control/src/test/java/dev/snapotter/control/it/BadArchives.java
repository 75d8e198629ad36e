package dev.snapotter.control.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Damaged and hostile variants of a real (unencrypted) backup, each one way a restore must refuse. */
final class BadArchives {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private BadArchives() {
    }

    /** A few bytes flipped in the middle of the compressed stream. */
    static Path corrupt(Path good, Path out) throws IOException {
        byte[] bytes = Files.readAllBytes(good);
        for (int i = bytes.length / 2; i < bytes.length / 2 + 16; i++) bytes[i] ^= 0x5A;
        return Files.write(out, bytes);
    }

    /** Cut off after 60 %, like an interrupted copy. */
    static Path truncated(Path good, Path out) throws IOException {
        byte[] bytes = Files.readAllBytes(good);
        return Files.write(out, java.util.Arrays.copyOf(bytes, bytes.length * 6 / 10));
    }

    /** A valid tar.gz whose uploaded file differs from the manifest (one byte, same size). */
    static Path tampered(Path good, Path out) throws IOException {
        return repack(good, out, (name, content) -> {
            if (name.startsWith("uploads/") && content.length > 0) content[0] ^= 1;
            return content;
        }, null, false);
    }

    /** A valid tar.gz plus one hostile entry: a path climbing out, or a symlink. */
    static Path withExtraEntry(Path good, Path out, String name, boolean symlink) throws IOException {
        return repack(good, out, (n, c) -> c, name, symlink);
    }

    /** The manifest claims a database schema newer than any image knows; checksums still match. */
    static Path newerSchema(Path good, Path out, int schema) throws IOException {
        return repack(good, out, (name, content) -> {
            if (!name.equals("manifest.json")) return content;
            try {
                ObjectNode m = (ObjectNode) JSON.readTree(content);
                m.put("schemaVersion", schema);
                return JSON.writeValueAsBytes(m);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, null, false);
    }

    private static Path repack(Path good, Path out, BiFunction<String, byte[], byte[]> change, String extra,
                               boolean extraIsSymlink) throws IOException {
        try (InputStream raw = Files.newInputStream(good);
             TarArchiveInputStream in = new TarArchiveInputStream(new GZIPInputStream(raw));
             OutputStream file = Files.newOutputStream(out);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(file))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                TarArchiveEntry copy = new TarArchiveEntry(e.getName());
                copy.setMode(e.getMode());
                if (e.isDirectory()) {
                    tar.putArchiveEntry(copy);
                } else {
                    byte[] content = change.apply(e.getName(), in.readAllBytes());
                    copy.setSize(content.length);
                    tar.putArchiveEntry(copy);
                    tar.write(content);
                }
                tar.closeArchiveEntry();
            }
            if (extra != null) {
                TarArchiveEntry e = extraIsSymlink ? new TarArchiveEntry(extra, TarArchiveEntry.LF_SYMLINK)
                        : new TarArchiveEntry(extra, true);
                if (extraIsSymlink) {
                    e.setLinkName("/etc/passwd");
                    tar.putArchiveEntry(e);
                } else {
                    byte[] content = "escaped".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    e.setSize(content.length);
                    tar.putArchiveEntry(e);
                    tar.write(content);
                }
                tar.closeArchiveEntry();
            }
        }
        return out;
    }
}
