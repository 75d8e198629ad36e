package dev.snapotter.archive;

import java.io.IOException;

/**
 * An archive was refused: it is not a tar.gz, it is damaged, or an entry could write outside its target,
 * is not a plain file or directory, or breaks a size cap. The message is written for a person.
 */
public final class UnsafeArchiveException extends IOException {

    /** Why an archive was refused. */
    public enum Reason {
        NOT_AN_ARCHIVE, CORRUPT, TRUNCATED,
        ABSOLUTE_PATH, PARENT_TRAVERSAL, BAD_NAME, DUPLICATE, LINK, SPECIAL_FILE,
        TOO_MANY_ENTRIES, ENTRY_TOO_LARGE, TOTAL_TOO_LARGE, COMPRESSION_RATIO
    }

    private final Reason reason;
    private final String entry;

    public UnsafeArchiveException(Reason reason, String entry, String message) {
        super(message);
        this.reason = reason;
        this.entry = entry;
    }

    public UnsafeArchiveException(Reason reason, String entry, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.entry = entry;
    }

    public Reason reason() {
        return reason;
    }

    /** The offending entry's name as stored in the archive, or {@code null} when the archive as a whole is at fault. */
    public String entry() {
        return entry;
    }
}
