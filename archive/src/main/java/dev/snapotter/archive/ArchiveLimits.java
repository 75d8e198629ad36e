package dev.snapotter.archive;

/**
 * Caps applied while reading an archive, before any byte of an entry is trusted.
 *
 * @param maxEntries          most entries (files and directories) an archive may hold
 * @param maxEntryBytes       largest single file, as declared in its header and as actually read
 * @param maxTotalBytes       sum of all file sizes
 * @param maxCompressionRatio most uncompressed bytes per compressed byte (a gzip bomb reaches ~1000:1);
 *                            checked once more than {@link #RATIO_FLOOR_BYTES} came out, so small, very
 *                            compressible files (an empty database page, a JSON manifest) never trip it
 */
public record ArchiveLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes, long maxCompressionRatio) {

    /** Below this many uncompressed bytes the ratio is not judged: tiny archives compress wildly. */
    public static final long RATIO_FLOOR_BYTES = 1L << 20;

    public ArchiveLimits {
        if (maxEntries < 1 || maxEntryBytes < 1 || maxTotalBytes < 1 || maxCompressionRatio < 1) {
            throw new IllegalArgumentException("archive limits must be positive");
        }
    }

    /** Generous limits for data the product wrote itself (backups, bundles): 100k entries, 16 GiB, ratio 200. */
    public static ArchiveLimits defaults() {
        return new ArchiveLimits(100_000, 16L << 30, 64L << 30, 200);
    }

    public ArchiveLimits withMaxEntries(int entries) {
        return new ArchiveLimits(entries, maxEntryBytes, maxTotalBytes, maxCompressionRatio);
    }

    public ArchiveLimits withMaxEntryBytes(long bytes) {
        return new ArchiveLimits(maxEntries, bytes, maxTotalBytes, maxCompressionRatio);
    }

    public ArchiveLimits withMaxTotalBytes(long bytes) {
        return new ArchiveLimits(maxEntries, maxEntryBytes, bytes, maxCompressionRatio);
    }

    public ArchiveLimits withMaxCompressionRatio(long ratio) {
        return new ArchiveLimits(maxEntries, maxEntryBytes, maxTotalBytes, ratio);
    }
}
