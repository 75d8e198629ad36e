package dev.snapotter.server.http;

import io.javalin.http.Context;

/** SnapOtter's security headers on every response, plus a strict CSP and no-store for API responses. */
public final class SecurityHeaders {

    private final boolean trustProxy;

    public SecurityHeaders(boolean trustProxy) {
        this.trustProxy = trustProxy;
    }

    public void handle(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-XSS-Protection", "0");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        // The API never serves HTML: nothing may run or be framed.
        ctx.header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
        if (ctx.path().startsWith("/api/")) ctx.header("Cache-Control", "no-store");
        boolean https = "https".equalsIgnoreCase(ctx.scheme())
                || (trustProxy && "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto")));
        if (https) ctx.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
}
