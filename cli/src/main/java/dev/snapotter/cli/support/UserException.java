package dev.snapotter.cli.support;

/**
 * A problem the user can fix (a path that does not exist, an unwritable folder). Printed as one
 * line without a stack trace; {@link #exitCode()} is one of {@link dev.snapotter.cli.ExitCodes}.
 */
public final class UserException extends RuntimeException {

    private final int exitCode;

    public UserException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public UserException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
