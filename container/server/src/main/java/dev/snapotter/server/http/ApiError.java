package dev.snapotter.server.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An expected failure with its HTTP status, rendered as SnapOtter's error body
 * {@code {"error": "...", "code": "...", "details": ...}}. Thrown from handlers; never for 5xx bugs.
 */
public final class ApiError extends RuntimeException {

    private final int status;
    private final String code;
    private final transient Object details;
    private final transient Map<String, String> headers = new LinkedHashMap<>();

    public ApiError(int status, String code, String message, Object details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = details;
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, "BAD_REQUEST", message, null);
    }

    public static ApiError badRequest(String message, Object details) {
        return new ApiError(400, "BAD_REQUEST", message, details);
    }

    public static ApiError unauthorized() {
        return new ApiError(401, "UNAUTHORIZED", "Authentication required", null);
    }

    public static ApiError forbidden(String message) {
        return new ApiError(403, "FORBIDDEN", message, null);
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, "NOT_FOUND", message, null);
    }

    public static ApiError conflict(String message) {
        return new ApiError(409, "CONFLICT", message, null);
    }

    public static ApiError unsupportedMediaType(String expected) {
        return new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type must be " + expected, null);
    }

    public static ApiError tooLarge(String message) {
        return new ApiError(413, "PAYLOAD_TOO_LARGE", message, null);
    }

    public static ApiError busy(int retryAfterSeconds) {
        return new ApiError(503, "SERVER_BUSY", "The server is busy; retry later", null)
                .withHeader("Retry-After", String.valueOf(retryAfterSeconds));
    }

    public ApiError withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object details() {
        return details;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", getMessage());
        if (code != null) body.put("code", code);
        if (details != null) body.put("details", details);
        return body;
    }
}
