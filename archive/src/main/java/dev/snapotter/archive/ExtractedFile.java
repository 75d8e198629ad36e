package dev.snapotter.archive;

/** A regular file written by {@link SafeTarExtractor}: its archive name, size and lowercase hex SHA-256. */
public record ExtractedFile(String name, long size, String sha256) {
}
