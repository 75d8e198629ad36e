package dev.snapotter.server.auth;

import dev.snapotter.server.http.ApiError;
import io.javalin.http.Context;

import java.util.Optional;

/** Permission checks used at the top of each protected handler. */
public final class Guards {

    static final String ATTRIBUTE = "snapotter.principal";

    private Guards() {
    }

    public static Optional<Principal> principal(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    /** The authenticated caller, or 401. */
    public static Principal authenticated(Context ctx) {
        return principal(ctx).orElseThrow(ApiError::unauthorized);
    }

    /** The caller if they hold {@code permission}; 401 if anonymous, 403 otherwise. */
    public static Principal require(Context ctx, Permission permission) {
        Principal p = authenticated(ctx);
        if (!p.can(permission)) throw ApiError.forbidden("Missing permission " + permission.wireName());
        return p;
    }

    /** The caller if they hold any of the permissions. */
    public static Principal requireAny(Context ctx, Permission a, Permission b) {
        Principal p = authenticated(ctx);
        if (!p.can(a) && !p.can(b)) throw ApiError.forbidden("Missing permission " + a.wireName());
        return p;
    }
}
