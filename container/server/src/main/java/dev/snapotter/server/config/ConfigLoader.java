package dev.snapotter.server.config;

import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates every environment variable (documented in docs/configuration.md).
 * Any invalid value stops startup with a message naming the variable.
 */
public final class ConfigLoader {

    public static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9_.-]{3,50}$");

    private ConfigLoader() {
    }

    public static ServerConfig load(Env env) {
        EnvReader r = new EnvReader(env);
        HttpSettings http = new HttpSettings(
                r.string("HOST", "0.0.0.0"),
                r.integer("PORT", 1349, 0, 65535),
                r.bool("TRUST_PROXY", false),
                r.string("CORS_ORIGIN", ""),
                r.integer("RATE_LIMIT_PER_MIN", 100, 0, 1_000_000),
                r.integer("LOGIN_ATTEMPT_LIMIT", 10, 1, 10_000),
                r.integer("MAX_UPLOAD_SIZE_MB", 100, 1, 10_240));
        String username = r.string("DEFAULT_USERNAME", "admin");
        if (!USERNAME.matcher(username).matches()) {
            r.problem("DEFAULT_USERNAME=" + username + ": must be 3-50 characters of A-Z a-z 0-9 _ . -");
        }
        AuthSettings auth = new AuthSettings(
                r.bool("AUTH_ENABLED", true),
                username,
                r.secret("DEFAULT_PASSWORD"),
                r.bool("SKIP_MUST_CHANGE_PASSWORD", false),
                r.integer("SESSION_DURATION_HOURS", 168, 1, 8760),
                r.integer("MAX_USERS", 0, 0, 1_000_000),
                Argon2Params.PRODUCTION);
        int cores = Runtime.getRuntime().availableProcessors();
        int concurrent = r.integer("CONCURRENT_JOBS", 0, 0, 256);
        LimitSettings limits = new LimitSettings(
                r.decimal("MAX_MEGAPIXELS", 100, 1, 1000),
                r.integer("MAX_BATCH_SIZE", 100, 1, 10_000),
                r.integer("MAX_PIPELINE_STEPS", 20, 0, 1000),
                concurrent == 0 ? Math.max(2, cores - 1) : concurrent,
                r.integer("MAX_QUEUED_JOBS", 32, 1, 100_000),
                r.integer("PROCESSING_TIMEOUT_S", 300, 1, 86_400),
                r.integer("SHUTDOWN_GRACE_S", 25, 0, 3600));
        Path dataDir = r.path("DATA_DIR", Path.of("/data"));
        StorageSettings storage = new StorageSettings(
                dataDir,
                r.path("DB_PATH", dataDir.resolve("snapotter.db")),
                r.path("WORKSPACE_PATH", Path.of("/tmp/workspace")),
                r.integer("FILE_MAX_AGE_HOURS", 72, 1, 87_600),
                r.integer("CLEANUP_INTERVAL_MINUTES", 60, 1, 10_080));
        Secrets secrets = new Secrets(r.secret("COOKIE_SECRET"), r.secret("OIDC_CLIENT_SECRET"),
                r.secret("S3_ACCESS_KEY_ID"), r.secret("S3_SECRET_ACCESS_KEY"), r.secret("SNAPOTTER_LICENSE_KEY"));
        String logLevel = r.oneOf("LOG_LEVEL", "info", Set.of("trace", "debug", "info", "warn", "error"));
        String cors = http.corsOrigin();
        if (!cors.isEmpty() && !cors.equals("*") && !cors.matches("^https?://[^/\\s]+$")) {
            r.problem("CORS_ORIGIN=" + cors + ": must be an origin such as https://example.com (no path), or *");
        }
        if (storage.workspacePath().equals(dataDir)) {
            r.problem("WORKSPACE_PATH must not be DATA_DIR itself: cleanup deletes old folders in the workspace");
        }
        r.throwIfProblems();
        return new ServerConfig(http, auth, limits, storage, secrets, logLevel, Version.current());
    }
}
