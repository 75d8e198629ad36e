package dev.snapotter.server.audit;

import dev.snapotter.server.auth.Guards;
import dev.snapotter.server.auth.Permission;
import dev.snapotter.server.http.ApiError;
import dev.snapotter.server.http.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** {@code GET /api/v1/audit-log?page&limit&action&from&to} (permission audit:read). */
public final class AuditRoutes {

    private final AuditLog audit;

    public AuditRoutes(AuditLog audit) {
        this.audit = audit;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/audit-log", this::list);
    }

    private void list(Context ctx) {
        Guards.require(ctx, Permission.AUDIT_READ);
        int page = intParam(ctx, "page", 1, 1, 1_000_000);
        int limit = intParam(ctx, "limit", 50, 1, 100);
        String action = ctx.queryParam("action");
        if (action != null && !action.matches("^[A-Z_]{1,40}$")) throw ApiError.badRequest("action must be an audit event name such as LOGIN_FAILED");
        Json.ok(ctx, audit.page(page, limit, action, time(ctx, "from"), time(ctx, "to")));
    }

    private static int intParam(Context ctx, String name, int def, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) return def;
        try {
            int i = Integer.parseInt(v);
            if (i < min || i > max) throw ApiError.badRequest(name + " must be between " + min + " and " + max);
            return i;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " must be a whole number");
        }
    }

    /** Accepts epoch milliseconds or an ISO-8601 instant. */
    private static Long time(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) return null;
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            try {
                return Instant.parse(v).toEpochMilli();
            } catch (DateTimeParseException e2) {
                throw ApiError.badRequest(name + " must be epoch milliseconds or an ISO-8601 time");
            }
        }
    }
}
