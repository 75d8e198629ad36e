package dev.snapotter.server.config;

/**
 * Listener and request-level limits.
 *
 * @param host             bind address
 * @param port             TCP port (0 = pick a free one, logged at startup)
 * @param trustProxy       honour X-Forwarded-For / X-Forwarded-Proto from a reverse proxy
 * @param corsOrigin       allowed cross-origin caller, empty = same-origin only
 * @param rateLimitPerMin  requests per minute per client IP on /api/ (0 = off)
 * @param loginAttemptLimit login attempts per minute per client IP
 * @param maxUploadSizeMb  largest accepted multipart request
 */
public record HttpSettings(String host, int port, boolean trustProxy, String corsOrigin, int rateLimitPerMin,
                           int loginAttemptLimit, int maxUploadSizeMb) {

    public long maxUploadBytes() {
        return maxUploadSizeMb * 1024L * 1024L;
    }

    public HttpSettings withPort(int p) {
        return new HttpSettings(host, p, trustProxy, corsOrigin, rateLimitPerMin, loginAttemptLimit, maxUploadSizeMb);
    }
}
