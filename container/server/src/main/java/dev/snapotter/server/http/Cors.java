package dev.snapotter.server.http;

import io.javalin.http.Context;

/** CORS for one configured origin (CORS_ORIGIN); with none configured, browsers keep same-origin. */
public final class Cors {

    private final String origin;

    public Cors(String origin) {
        this.origin = origin;
    }

    public void handle(Context ctx) {
        if (origin.isEmpty()) return;
        String requestOrigin = ctx.header("Origin");
        if (requestOrigin == null) return;
        boolean allowed = origin.equals("*") || origin.equalsIgnoreCase(requestOrigin);
        if (!allowed) return;
        ctx.header("Access-Control-Allow-Origin", origin.equals("*") ? "*" : requestOrigin);
        ctx.header("Vary", "Origin");
        ctx.header("Access-Control-Expose-Headers", "X-Job-Id, X-File-Results, X-File-Errors, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After");
        if ("OPTIONS".equals(ctx.method().name())) {
            ctx.header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
            ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type");
            ctx.header("Access-Control-Max-Age", "600");
            ctx.status(204);
            ctx.skipRemainingHandlers();
        }
    }
}
