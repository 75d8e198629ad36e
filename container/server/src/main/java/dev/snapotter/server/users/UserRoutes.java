package dev.snapotter.server.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.snapotter.server.audit.AuditAction;
import dev.snapotter.server.audit.AuditLog;
import dev.snapotter.server.auth.BuiltInRole;
import dev.snapotter.server.auth.Guards;
import dev.snapotter.server.auth.Permission;
import dev.snapotter.server.auth.Principal;
import dev.snapotter.server.auth.RoleRepository;
import dev.snapotter.server.http.ClientIp;
import dev.snapotter.server.http.Fields;
import dev.snapotter.server.http.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.Map;

/** User administration (permission users:manage): {@code /api/auth/users...}, {@code /api/auth/register}, {@code /api/v1/roles}. */
public final class UserRoutes {

    private final UserRepository users;
    private final UserService service;
    private final RoleRepository roles;
    private final AuditLog audit;

    public UserRoutes(UserRepository users, UserService service, RoleRepository roles, AuditLog audit) {
        this.users = users;
        this.service = service;
        this.roles = roles;
        this.audit = audit;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/auth/users", this::list);
        routes.post("/api/auth/users", this::create);
        routes.post("/api/auth/register", this::create);
        routes.put("/api/auth/users/{id}", this::update);
        routes.delete("/api/auth/users/{id}", this::delete);
        routes.post("/api/auth/users/{id}/reset-password", this::resetPassword);
        routes.get("/api/v1/roles", this::roles);
    }

    private void list(Context ctx) {
        Guards.require(ctx, Permission.USERS_MANAGE);
        Json.ok(ctx, Map.of("users", users.all().stream().map(u -> UserJson.of(u, roles.permissionsOf(u.role()))).toList()));
    }

    private void create(Context ctx) {
        Principal actor = Guards.require(ctx, Permission.USERS_MANAGE);
        ObjectNode body = Json.bodyObject(ctx);
        User u = service.create(Fields.requiredString(body, "username", 200), Fields.requiredString(body, "password", 10_000),
                Fields.optionalString(body, "role", 50).orElse(BuiltInRole.USER.roleName()),
                Fields.optionalString(body, "team", 200).orElse("Default"));
        audit.record(actor, null, AuditAction.USER_CREATED, "user", u.id(), Map.of("username", u.username(), "role", u.role()), ClientIp.of(ctx));
        Json.send(ctx, 201, Map.of("user", UserJson.of(u, roles.permissionsOf(u.role()))));
    }

    private void update(Context ctx) {
        Principal actor = Guards.require(ctx, Permission.USERS_MANAGE);
        ObjectNode body = Json.bodyObject(ctx);
        User u = service.update(actor, ctx.pathParam("id"), Fields.optionalString(body, "role", 50), Fields.optionalString(body, "team", 200));
        audit.record(actor, null, AuditAction.USER_UPDATED, "user", u.id(), Map.of("role", u.role(), "team", u.team()), ClientIp.of(ctx));
        Json.ok(ctx, Map.of("user", UserJson.of(u, roles.permissionsOf(u.role()))));
    }

    private void delete(Context ctx) {
        Principal actor = Guards.require(ctx, Permission.USERS_MANAGE);
        User u = service.delete(actor, ctx.pathParam("id"));
        audit.record(actor, null, AuditAction.USER_DELETED, "user", u.id(), Map.of("username", u.username()), ClientIp.of(ctx));
        Json.ok(ctx, Map.of("ok", true));
    }

    private void resetPassword(Context ctx) {
        Principal actor = Guards.require(ctx, Permission.USERS_MANAGE);
        ObjectNode body = Json.bodyObject(ctx);
        User u = service.resetPassword(ctx.pathParam("id"), Fields.requiredString(body, "newPassword", 10_000));
        audit.record(actor, null, AuditAction.PASSWORD_RESET, "user", u.id(), Map.of("username", u.username()), ClientIp.of(ctx));
        Json.ok(ctx, Map.of("ok", true));
    }

    private void roles(Context ctx) {
        Guards.require(ctx, Permission.AUDIT_READ);
        Json.ok(ctx, Map.of("roles", roles.all().stream().map(r -> Map.of("id", r.id(), "name", r.name(), "description", r.description(),
                "permissions", r.permissions().stream().map(Permission::wireName).sorted().toList(), "isBuiltin", r.builtIn())).toList()));
    }
}
