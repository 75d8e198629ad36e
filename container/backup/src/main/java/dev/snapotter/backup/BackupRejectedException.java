package dev.snapotter.backup;

import java.io.IOException;

/**
 * A backup archive was refused, or a restore could not be completed (in which case the data folder was
 * rolled back first). The message is written for a person and says what to do where it can.
 */
public final class BackupRejectedException extends IOException {

    /** Why; stable names for clients and exit codes. */
    public enum Reason {
        /** Not a SnapOtter backup at all (no gzip or encryption header, no manifest first, no database). */
        NOT_A_BACKUP,
        /** Damaged bytes (CRC, unreadable manifest). */
        CORRUPT,
        /** Cut off before its end (interrupted download or copy). */
        TRUNCATED,
        /** Content differs from what the manifest lists, or authenticated encryption failed. */
        TAMPERED,
        /** An entry is a link, device, absolute path, climbs with "..", or uses a reserved name. */
        UNSAFE_ENTRY,
        /** Over the entry-count, size or compression-ratio caps. */
        TOO_LARGE,
        /** Written by a newer SnapOtter whose database schema this version does not know. */
        NEWER_SCHEMA,
        /** Manifest format this version cannot read. */
        UNSUPPORTED_FORMAT,
        /** Encrypted and the passphrase does not open it. */
        WRONG_PASSPHRASE,
        /** Encrypted and no passphrase was given. */
        PASSPHRASE_REQUIRED,
        /** An earlier restore into this data folder did not finish; roll it back (or commit it) first. */
        RESTORE_PENDING,
        /** The restore failed after it started changing the data folder; the previous data was put back. */
        RESTORE_FAILED,
        /** The restore failed and putting the previous data back failed too; nothing was deleted, the message says where it is. */
        ROLLBACK_FAILED,
        /** Not enough free disk space for the restore. */
        NO_SPACE
    }

    private final Reason reason;

    public BackupRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public BackupRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
