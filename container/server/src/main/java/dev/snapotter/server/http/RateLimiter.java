package dev.snapotter.server.http;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.javalin.http.Context;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * Per-client-IP token buckets (Bucket4j), one family for all /api/ calls and a separate, stricter one
 * for login. Answers with {@code RateLimit-Limit/Remaining/Reset} headers and, when empty, 429 with
 * {@code Retry-After}. The public health check is exempt: a throttled probe would restart a healthy container.
 */
public final class RateLimiter {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final long IDLE_EVICT_NANOS = Duration.ofMinutes(5).toNanos();

    private record Entry(Bucket bucket, long limit, long[] lastSeen) {
    }

    private final boolean trustProxy;
    private final int perMinute;
    private final IntSupplier loginPerMinute;
    private final Map<String, Entry> general = new ConcurrentHashMap<>();
    private final Map<String, Entry> login = new ConcurrentHashMap<>();

    /**
     * @param perMinute      RATE_LIMIT_PER_MIN (0 = no general limit)
     * @param loginPerMinute current login limit (setting loginAttemptLimit, else LOGIN_ATTEMPT_LIMIT)
     */
    public RateLimiter(boolean trustProxy, int perMinute, IntSupplier loginPerMinute) {
        this.trustProxy = trustProxy;
        this.perMinute = perMinute;
        this.loginPerMinute = loginPerMinute;
    }

    public void handle(Context ctx) {
        String path = ctx.path();
        if (!path.startsWith("/api/") || path.equals("/api/v1/health")) return;
        String ip = ClientIp.resolve(ctx, trustProxy);
        if (perMinute > 0) consume(ctx, general, ip, perMinute);
        if (path.equals("/api/auth/login") && "POST".equals(ctx.method().name())) {
            consume(ctx, login, ip, loginPerMinute.getAsInt());
        }
    }

    private static void consume(Context ctx, Map<String, Entry> buckets, String ip, int limit) {
        Entry e = buckets.compute(ip, (k, old) -> old != null && old.limit == limit ? old : new Entry(newBucket(limit), limit, new long[1]));
        e.lastSeen[0] = System.nanoTime();
        ConsumptionProbe probe = e.bucket.tryConsumeAndReturnRemaining(1);
        long resetSeconds = Math.max(1, (probe.getNanosToWaitForReset() + 999_999_999L) / 1_000_000_000L);
        ctx.header("RateLimit-Limit", String.valueOf(limit));
        ctx.header("RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
        ctx.header("RateLimit-Reset", String.valueOf(resetSeconds));
        if (!probe.isConsumed()) {
            long retry = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw new ApiError(429, "RATE_LIMITED", "Too many requests; retry in " + retry + " s", null)
                    .withHeader("Retry-After", String.valueOf(retry));
        }
    }

    private static Bucket newBucket(int limit) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(limit).refillGreedy(limit, WINDOW).build()).build();
    }

    /** Drops buckets of clients not seen for a while, so memory stays bounded. */
    public void evictIdle() {
        long now = System.nanoTime();
        general.values().removeIf(e -> now - e.lastSeen[0] > IDLE_EVICT_NANOS);
        login.values().removeIf(e -> now - e.lastSeen[0] > IDLE_EVICT_NANOS);
    }
}
