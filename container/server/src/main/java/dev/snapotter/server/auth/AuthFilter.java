package dev.snapotter.server.auth;

import dev.snapotter.server.http.ApiError;
import io.javalin.http.Context;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs before every /api/ request: resolves the bearer token to a {@link Principal}, rejects
 * anonymous calls to non-public paths (401), and holds users who must change their password to the
 * few endpoints that let them do so (403 MUST_CHANGE_PASSWORD).
 */
public final class AuthFilter {

    /** Exact public paths. */
    private static final Set<String> PUBLIC = Set.of("/api/v1/health", "/api/auth/login", "/api/v1/openapi.yaml", "/api/docs");
    /** Public path prefixes: config, download (the random job id is the capability), job progress (SSE). */
    private static final List<String> PUBLIC_PREFIXES = List.of("/api/v1/config/", "/api/v1/download/", "/api/v1/jobs/");
    /** What a user with a pending forced password change may still call. */
    private static final Set<String> ALLOWED_WHILE_MUST_CHANGE = Set.of("/api/auth/change-password", "/api/auth/logout", "/api/auth/session");

    private final boolean authEnabled;
    private final List<CredentialResolver> resolvers;

    public AuthFilter(boolean authEnabled, List<CredentialResolver> resolvers) {
        this.authEnabled = authEnabled;
        this.resolvers = List.copyOf(resolvers);
    }

    public void handle(Context ctx) {
        String path = ctx.path();
        if (!path.startsWith("/api/")) return;
        if (!authEnabled) {
            ctx.attribute(Guards.ATTRIBUTE, Principal.authDisabled());
            return;
        }
        Optional<Principal> principal = bearer(ctx).flatMap(this::resolve);
        principal.ifPresent(p -> ctx.attribute(Guards.ATTRIBUTE, p));
        if (isPublic(path)) return;
        Principal p = principal.orElseThrow(ApiError::unauthorized);
        if (p.mustChangePassword() && !ALLOWED_WHILE_MUST_CHANGE.contains(path)) {
            throw new ApiError(403, "MUST_CHANGE_PASSWORD", "You must change your password before continuing", null);
        }
    }

    static boolean isPublic(String path) {
        return PUBLIC.contains(path) || PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
    }

    private Optional<Principal> resolve(String token) {
        for (CredentialResolver r : resolvers) {
            Optional<Principal> p = r.resolve(token);
            if (p.isPresent()) return p;
        }
        return Optional.empty();
    }

    private static Optional<String> bearer(Context ctx) {
        String h = ctx.header("Authorization");
        if (h == null || h.length() > 4096) return Optional.empty();
        if (!h.regionMatches(true, 0, "Bearer ", 0, 7)) return Optional.empty();
        String token = h.substring(7).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
