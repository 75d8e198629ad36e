package dev.snapotter.archive;

/**
 * One entry of an archive that passed every check: a relative, normalised name (no leading {@code ./},
 * no trailing {@code /}) and the size its header declares (0 for directories).
 */
public record ArchiveEntry(String name, long size, boolean isDirectory) {
}
