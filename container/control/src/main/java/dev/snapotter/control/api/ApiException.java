package dev.snapotter.control.api;

/** The server answered with an error ({@code {"error": …, "code": …}}) or could not be reached. */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message + (status > 0 ? " (HTTP " + status + (code.isEmpty() ? "" : ", " + code) + ")" : ""));
        this.status = status;
        this.code = code;
    }

    public ApiException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.code = "UNREACHABLE";
    }

    /** HTTP status, 0 when there was no answer. */
    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
