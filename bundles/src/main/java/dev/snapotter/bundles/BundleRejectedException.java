package dev.snapotter.bundles;

/**
 * A bundle was refused before anything of it was activated. The message is written for an
 * administrator; {@link #reason()} is stable for programs and tests.
 */
public final class BundleRejectedException extends Exception {

    /** Why a bundle was refused. */
    public enum Reason {
        /** The archive itself is unsafe or damaged (traversal, link, device, bomb, corrupt gzip...). */
        UNSAFE_ARCHIVE,
        MALFORMED_MANIFEST,
        /** The archive's entries are not manifest.json [, manifest.sig], files/... in that order. */
        BAD_LAYOUT,
        UNSIGNED,
        FOREIGN_KEY,
        BAD_SIGNATURE,
        SIZE_MISMATCH,
        HASH_MISMATCH,
        MISSING_FILE,
        UNEXPECTED_FILE,
        WRONG_BUNDLE,
        WRONG_ARCH,
        APP_TOO_OLD,
        INSUFFICIENT_DISK,
        HOST_NOT_ALLOWED,
        DOWNLOAD_FAILED,
        UNKNOWN_BUNDLE
    }

    private final Reason reason;

    public BundleRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public BundleRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
