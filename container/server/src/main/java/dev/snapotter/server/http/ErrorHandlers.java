package dev.snapotter.server.http;

import dev.snapotter.engine.ImageException;
import dev.snapotter.engine.tool.InvalidSettingsException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.UUID;

/**
 * Maps exceptions to SnapOtter's error bodies. 5xx bodies are generic (an error id ties them to the
 * log); stack traces never reach clients.
 */
public final class ErrorHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandlers.class);

    private ErrorHandlers() {
    }

    public static void register(RoutesConfig routes) {
        routes.exception(ApiError.class, (e, ctx) -> {
            e.headers().forEach(ctx::header);
            Json.send(ctx, e.status(), e.body());
        });
        routes.exception(InvalidSettingsException.class, (e, ctx) -> Json.send(ctx, 400, Map.of("error", "Invalid settings",
                "code", "INVALID_SETTINGS", "details", e.errors().stream().map(f -> Map.of("path", f.path(), "message", f.message())).toList())));
        routes.exception(ImageException.class, (e, ctx) -> Json.send(ctx, 422, Map.of("error", "Processing failed",
                "code", e.kind().name(), "details", e.getMessage())));
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            int status = e.getStatus();
            if (status >= 500) {
                serverError(ctx, e);
                return;
            }
            Json.send(ctx, status, Map.of("error", genericMessage(status), "code", "HTTP_" + status));
        });
        routes.exception(Exception.class, (e, ctx) -> serverError(ctx, e));
        routes.error(404, ctx -> {
            if (ctx.resultInputStream() == null) Json.send(ctx, 404, Map.of("error", "Not found", "code", "NOT_FOUND"));
        });
        routes.error(405, ctx -> {
            if (ctx.resultInputStream() == null) Json.send(ctx, 405, Map.of("error", "Method not allowed", "code", "METHOD_NOT_ALLOWED"));
        });
    }

    private static void serverError(Context ctx, Exception e) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Unhandled error {} on {} {}", id, ctx.method(), ctx.path(), e);
        Json.send(ctx, 500, Map.of("error", "Internal server error", "code", "INTERNAL", "errorId", id));
    }

    private static String genericMessage(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Request too large";
            case 415 -> "Unsupported media type";
            default -> "Request failed";
        };
    }
}
