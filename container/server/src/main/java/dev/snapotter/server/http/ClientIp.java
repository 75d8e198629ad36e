package dev.snapotter.server.http;

import io.javalin.http.Context;

/**
 * The caller's IP for rate limits and audit entries. X-Forwarded-For is honoured only with
 * TRUST_PROXY=true (otherwise anyone could pick their own rate-limit bucket).
 */
public final class ClientIp {

    private static final String ATTRIBUTE = "snapotter.clientIp";

    private ClientIp() {
    }

    public static String resolve(Context ctx, boolean trustProxy) {
        String cached = ctx.attribute(ATTRIBUTE);
        if (cached != null) return cached;
        String ip = ctx.req().getRemoteAddr();
        if (trustProxy) {
            String xff = ctx.header("X-Forwarded-For");
            if (xff != null && !xff.isBlank()) {
                // The left-most entry is the original client as reported by the (trusted) proxy chain.
                String first = xff.split(",", 2)[0].trim();
                if (first.matches("^[0-9A-Fa-f:.]{2,45}$")) ip = first;
            }
        }
        ctx.attribute(ATTRIBUTE, ip);
        return ip;
    }

    /** The IP resolved earlier in the request (by the rate limiter), or the socket address. */
    public static String of(Context ctx) {
        String cached = ctx.attribute(ATTRIBUTE);
        return cached != null ? cached : ctx.req().getRemoteAddr();
    }
}
