package dev.snapotter.server.apikeys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.snapotter.server.audit.AuditAction;
import dev.snapotter.server.audit.AuditLog;
import dev.snapotter.server.auth.Guards;
import dev.snapotter.server.auth.Permission;
import dev.snapotter.server.auth.Principal;
import dev.snapotter.server.http.ApiError;
import dev.snapotter.server.http.ClientIp;
import dev.snapotter.server.http.Fields;
import dev.snapotter.server.http.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /api/v1/api-keys}: create (secret shown once), list, delete. */
public final class ApiKeyRoutes {

    private final ApiKeyService service;
    private final AuditLog audit;

    public ApiKeyRoutes(ApiKeyService service, AuditLog audit) {
        this.service = service;
        this.audit = audit;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/api-keys", this::create);
        routes.get("/api/v1/api-keys", this::list);
        routes.delete("/api/v1/api-keys/{id}", this::delete);
    }

    private void create(Context ctx) {
        Principal p = Guards.require(ctx, Permission.APIKEYS_OWN);
        ObjectNode body = Json.bodyObject(ctx);
        ApiKeyService.Created c = service.create(p, Fields.optionalString(body, "name", 1000).orElse("Default API Key"),
                Fields.optionalStringList(body, "permissions", 50).orElse(null), expiresAt(body.get("expiresAt")));
        audit.record(p, null, AuditAction.API_KEY_CREATED, "api_key", c.key().id(), Map.of("name", c.key().name()), ClientIp.of(ctx));
        Map<String, Object> out = new LinkedHashMap<>(c.key().toJson());
        out.put("key", c.secret());
        Json.send(ctx, 201, out);
    }

    private void list(Context ctx) {
        Principal p = Guards.require(ctx, Permission.APIKEYS_OWN);
        boolean all = "true".equals(ctx.queryParam("all"));
        Json.ok(ctx, Map.of("apiKeys", service.list(p, all).stream().map(ApiKey::toJson).toList()));
    }

    private void delete(Context ctx) {
        Principal p = Guards.require(ctx, Permission.APIKEYS_OWN);
        ApiKey k = service.delete(p, ctx.pathParam("id"));
        audit.record(p, null, AuditAction.API_KEY_DELETED, "api_key", k.id(), Map.of("name", k.name()), ClientIp.of(ctx));
        Json.ok(ctx, Map.of("ok", true));
    }

    private static Long expiresAt(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (n.isIntegralNumber()) return n.longValue();
        if (n.isTextual()) {
            try {
                return Instant.parse(n.textValue()).toEpochMilli();
            } catch (DateTimeParseException e) {
                throw ApiError.badRequest("expiresAt must be an ISO-8601 time or epoch milliseconds");
            }
        }
        throw ApiError.badRequest("expiresAt must be an ISO-8601 time or epoch milliseconds");
    }
}
