package dev.snapotter.server.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.snapotter.server.audit.AuditAction;
import dev.snapotter.server.audit.AuditLog;
import dev.snapotter.server.auth.BuiltInRole;
import dev.snapotter.server.auth.Guards;
import dev.snapotter.server.auth.PasswordHasher;
import dev.snapotter.server.auth.Permission;
import dev.snapotter.server.auth.PasswordPolicy;
import dev.snapotter.server.auth.Principal;
import dev.snapotter.server.auth.RoleRepository;
import dev.snapotter.server.auth.SessionRepository;
import dev.snapotter.server.http.ApiError;
import dev.snapotter.server.http.ClientIp;
import dev.snapotter.server.http.Fields;
import dev.snapotter.server.http.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code /api/auth/login|logout|session|change-password} and {@code /api/v1/config/auth}. */
public final class AuthRoutes {

    private final boolean authEnabled;
    private final Duration sessionLifetime;
    private final Path dataDir;
    private final UserRepository users;
    private final UserService service;
    private final RoleRepository roles;
    private final SessionRepository sessions;
    private final PasswordHasher hasher;
    private final AuditLog audit;

    public AuthRoutes(boolean authEnabled, Duration sessionLifetime, Path dataDir, UserRepository users, UserService service,
                      RoleRepository roles, SessionRepository sessions, PasswordHasher hasher, AuditLog audit) {
        this.authEnabled = authEnabled;
        this.sessionLifetime = sessionLifetime;
        this.dataDir = dataDir;
        this.users = users;
        this.service = service;
        this.roles = roles;
        this.sessions = sessions;
        this.hasher = hasher;
        this.audit = audit;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/auth/login", this::login);
        routes.post("/api/auth/logout", this::logout);
        routes.get("/api/auth/session", this::session);
        routes.post("/api/auth/change-password", this::changePassword);
        routes.get("/api/v1/config/auth", ctx -> Json.ok(ctx, Map.of("authEnabled", authEnabled)));
    }

    private void login(Context ctx) {
        if (!authEnabled) throw new ApiError(400, "AUTH_DISABLED", "Authentication is disabled on this server", null);
        ObjectNode body = Json.bodyObject(ctx);
        String username = Fields.optionalString(body, "username", 100_000).orElse("");
        String password = Fields.optionalString(body, "password", 100_000).orElse("");
        Optional<UserRepository.Credentials> creds = username.length() <= 50 ? users.credentials(username) : Optional.empty();
        boolean ok;
        if (creds.isEmpty() || password.length() > PasswordPolicy.MAX_LENGTH) {
            hasher.verifyDummy(password.length() > PasswordPolicy.MAX_LENGTH ? "x" : password);
            ok = false;
        } else {
            ok = hasher.verify(password, creds.get().passwordHash());
        }
        if (!ok) {
            audit.record(null, truncate(username), AuditAction.LOGIN_FAILED, "user", null, Map.of(), ClientIp.of(ctx));
            throw new ApiError(401, "INVALID_CREDENTIALS", "Invalid credentials", null);
        }
        User user = creds.get().user();
        SessionRepository.NewSession s = sessions.create(user.id(), sessionLifetime);
        audit.record(null, user.username(), AuditAction.LOGIN_SUCCESS, "user", user.id(), Map.of(), ClientIp.of(ctx));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token", s.token());
        out.put("user", UserJson.of(user, roles.permissionsOf(user.role())));
        out.put("expiresAt", Instant.ofEpochMilli(s.session().expiresAt()).toString());
        Json.ok(ctx, out);
    }

    private void logout(Context ctx) {
        Principal p = Guards.authenticated(ctx);
        if (p.via() == Principal.Via.SESSION) sessions.delete(p.credentialId());
        audit.record(p, null, AuditAction.LOGOUT, "user", p.userId(), Map.of(), ClientIp.of(ctx));
        Json.ok(ctx, Map.of("ok", true));
    }

    private void session(Context ctx) {
        Principal p = Guards.authenticated(ctx);
        if (p.via() == Principal.Via.AUTH_DISABLED) {
            Map<String, Object> anon = new LinkedHashMap<>();
            anon.put("id", "anonymous");
            anon.put("username", p.username());
            anon.put("role", p.role());
            anon.put("mustChangePassword", false);
            anon.put("permissions", p.permissions().stream().map(Permission::wireName).sorted().toList());
            Json.ok(ctx, Map.of("user", anon, "authEnabled", false));
            return;
        }
        User u = users.findById(p.userId()).orElseThrow(ApiError::unauthorized);
        Map<String, Object> user = UserJson.of(u, p.permissions());
        Json.ok(ctx, Map.of("user", user, "authEnabled", true, "via", p.via().name().toLowerCase(java.util.Locale.ROOT)));
    }

    private void changePassword(Context ctx) {
        Principal p = Guards.authenticated(ctx);
        if (p.userId() == null) throw ApiError.badRequest("Authentication is disabled; there is no password to change");
        ObjectNode body = Json.bodyObject(ctx);
        String current = Fields.requiredString(body, "currentPassword", 10_000);
        String next = Fields.requiredString(body, "newPassword", 10_000);
        service.changePassword(p, current, next);
        if (BuiltInRole.ADMIN.roleName().equals(p.role())) InitialAdmin.forget(dataDir);
        audit.record(p, null, AuditAction.PASSWORD_CHANGED, "user", p.userId(), Map.of(), ClientIp.of(ctx));
        Json.ok(ctx, Map.of("ok", true));
    }

    private static String truncate(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 50 ? clean.substring(0, 50) + "…" : clean;
    }
}
