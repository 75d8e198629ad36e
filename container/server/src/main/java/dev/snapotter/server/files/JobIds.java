package dev.snapotter.server.files;

import dev.snapotter.server.http.ApiError;

import java.util.UUID;
import java.util.regex.Pattern;

/** Job ids are lower-case random UUIDs: they name workspace folders and act as download capabilities. */
public final class JobIds {

    private static final Pattern UUID_FORMAT = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    private JobIds() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public static boolean valid(String id) {
        return id != null && UUID_FORMAT.matcher(id).matches();
    }

    /** The id, or 404 (not 400: a malformed id is simply not a job that exists). */
    public static String require(String id) {
        if (!valid(id)) throw ApiError.notFound("Job not found");
        return id;
    }
}
