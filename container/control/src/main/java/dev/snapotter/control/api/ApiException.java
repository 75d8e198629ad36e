package dev.snapotter.control.api;

/** The server answered with an error ({@code {"error": …, "code": …}}) or could not be reached. */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final java.util.Optional<java.time.Duration> retryAfter;

    public ApiException(int status, String code, String message) {
        this(status, code, message, java.util.Optional.empty());
    }

    /** @param retryAfter the server's {@code Retry-After} (429 rate limit, 503 busy), when it sent one */
    public ApiException(int status, String code, String message, java.util.Optional<java.time.Duration> retryAfter) {
        super(message + (status > 0 ? " (HTTP " + status + (code.isEmpty() ? "" : ", " + code) + ")" : ""));
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public ApiException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.code = "UNREACHABLE";
        this.retryAfter = java.util.Optional.empty();
    }

    /** How long the server asked us to wait before trying again. */
    public java.util.Optional<java.time.Duration> retryAfter() {
        return retryAfter;
    }

    /** HTTP status, 0 when there was no answer. */
    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
