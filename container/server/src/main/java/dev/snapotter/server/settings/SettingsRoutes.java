package dev.snapotter.server.settings;

import dev.snapotter.server.audit.AuditAction;
import dev.snapotter.server.audit.AuditLog;
import dev.snapotter.server.auth.Guards;
import dev.snapotter.server.auth.Permission;
import dev.snapotter.server.auth.Principal;
import dev.snapotter.server.http.ApiError;
import dev.snapotter.server.http.ClientIp;
import dev.snapotter.server.http.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET/PUT /api/v1/settings}, {@code GET /api/v1/settings/{key}}. */
public final class SettingsRoutes {

    private final SettingsService settings;
    private final AuditLog audit;

    public SettingsRoutes(SettingsService settings, AuditLog audit) {
        this.settings = settings;
        this.audit = audit;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/settings", this::all);
        routes.put("/api/v1/settings", this::update);
        routes.get("/api/v1/settings/{key}", this::one);
    }

    private void all(Context ctx) {
        Guards.require(ctx, Permission.SETTINGS_READ);
        Json.ok(ctx, Map.of("settings", settings.all()));
    }

    private void one(Context ctx) {
        Guards.require(ctx, Permission.SETTINGS_READ);
        String key = ctx.pathParam("key");
        var value = settings.get(key).orElseThrow(() -> ApiError.notFound("Setting not found"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("key", key);
        out.put("value", Json.MAPPER.convertValue(value, Object.class));
        Json.ok(ctx, out);
    }

    private void update(Context ctx) {
        Principal p = Guards.require(ctx, Permission.SETTINGS_WRITE);
        var body = Json.bodyObject(ctx);
        List<String> keys = new java.util.ArrayList<>();
        body.fieldNames().forEachRemaining(keys::add);
        int n = settings.update(body);
        audit.record(p, null, AuditAction.SETTINGS_UPDATED, "settings", null, Map.of("keys", keys), ClientIp.of(ctx));
        Json.ok(ctx, Map.of("ok", true, "updatedCount", n));
    }
}
