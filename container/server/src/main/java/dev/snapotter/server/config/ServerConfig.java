package dev.snapotter.server.config;

/** Everything the server reads at startup, validated. Built by {@link ConfigLoader}. */
public record ServerConfig(HttpSettings http, AuthSettings auth, LimitSettings limits, StorageSettings storage,
                           Secrets secrets, String logLevel, String version) {

    public ServerConfig withHttp(HttpSettings h) {
        return new ServerConfig(h, auth, limits, storage, secrets, logLevel, version);
    }

    public ServerConfig withAuth(AuthSettings a) {
        return new ServerConfig(http, a, limits, storage, secrets, logLevel, version);
    }

    public ServerConfig withLimits(LimitSettings l) {
        return new ServerConfig(http, auth, l, storage, secrets, logLevel, version);
    }
}
