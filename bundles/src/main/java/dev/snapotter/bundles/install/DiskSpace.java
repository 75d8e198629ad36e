package dev.snapotter.bundles.install;

import dev.snapotter.bundles.BundleRejectedException;
import dev.snapotter.bundles.BundleRejectedException.Reason;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The disk pre-check, sized to the one bundle being installed (SnapOtter once demanded the sum of all
 * bundles, #1248): the bytes still to write plus a small reserve so the disk is never filled to the brim.
 */
@FunctionalInterface
public interface DiskSpace {

    /** Kept free after an install: databases and logs share the volume. */
    long RESERVE_BYTES = 32L << 20;

    long usableBytes(Path dir) throws IOException;

    static DiskSpace fileStore() {
        return dir -> Files.getFileStore(dir).getUsableSpace();
    }

    default void require(Path dir, long bytes, String what) throws BundleRejectedException, IOException {
        long usable = usableBytes(dir);
        if (usable < bytes + RESERVE_BYTES) {
            throw new BundleRejectedException(Reason.INSUFFICIENT_DISK, "Not enough disk space for " + what + ": needs "
                    + mib(bytes + RESERVE_BYTES) + " MiB free in " + dir + ", " + mib(usable) + " MiB available.");
        }
    }

    private static long mib(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
