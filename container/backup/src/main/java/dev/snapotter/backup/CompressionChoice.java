package dev.snapotter.backup;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.Deflater;

/**
 * The deflate level of a backup, chosen once per archive (a gzip stream has one level, and the shared
 * {@code TarGzWriter} sets it per archive). Deflate cannot shrink JPEG/PNG/WebP/AVIF or model weights in any
 * useful way, but on such bytes it runs at a few tens of MB/s on this class of machine, far below the 100 MB/s
 * target (docs/performance.md, "Backup"); on database pages it is fast and shrinks them several times.
 * So: level 1 when most bytes are compressible (database, text), stored deflate blocks (level 0, still a valid
 * .tar.gz) when most are already-compressed media. Per-entry levels would be better; see ADR 0070.
 */
final class CompressionChoice {

    /** Extensions of formats that are already compressed (images SnapOtter handles, archives, models). */
    static final Set<String> COMPRESSED = Set.of("jpg", "jpeg", "png", "webp", "avif", "heic", "heif", "gif", "jxl", "tif", "tiff",
            "zip", "gz", "tgz", "zst", "xz", "bz2", "7z", "br", "mp4", "mov", "webm", "onnx", "bin", "pt", "safetensors", "enc");

    private CompressionChoice() {
    }

    /** @param files archive paths and sizes of everything that goes in (the database snapshot included) */
    static int level(List<BackupFileEntry> files) {
        long total = 0;
        long compressible = 0;
        for (BackupFileEntry f : files) {
            total += f.size();
            if (!alreadyCompressed(f.path())) compressible += f.size();
        }
        return compressible * 2 >= total ? Deflater.BEST_SPEED : Deflater.NO_COMPRESSION;
    }

    static boolean alreadyCompressed(String path) {
        int dot = path.lastIndexOf('.');
        return dot > path.lastIndexOf('/') && COMPRESSED.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
