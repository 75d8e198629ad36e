package dev.snapotter.server.support;

import dev.snapotter.bundles.catalogue.Catalogue;
import dev.snapotter.server.SnapOtterServer;
import dev.snapotter.server.UidSource;
import dev.snapotter.server.config.Argon2Params;
import dev.snapotter.server.config.ConfigLoader;
import dev.snapotter.server.config.Env;
import dev.snapotter.server.config.ServerConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A real server on loopback with its own DATA_DIR and WORKSPACE_PATH in a temp folder, configured
 * through the same environment loader as production (plus fast Argon2 parameters).
 */
public final class TestServer implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "Adm1nPassword";

    private final Path root;
    private final Map<String, String> env;
    private final Catalogue catalogue;
    private SnapOtterServer server;

    private TestServer(Path root, Map<String, String> env, Catalogue catalogue) {
        this.root = root;
        this.env = env;
        this.catalogue = catalogue;
    }

    /** Started with an operator-chosen admin password and no forced change, for API tests. */
    public static TestServer start(Map<String, String> overrides) {
        return start(overrides, Catalogue.builtIn());
    }

    /** As {@link #start(Map)}, with its own AI bundle catalogue (download URLs and allowed origins). */
    public static TestServer start(Map<String, String> overrides, Catalogue catalogue) {
        Map<String, String> env = new HashMap<>();
        env.put("DEFAULT_PASSWORD", ADMIN_PASSWORD);
        env.put("SKIP_MUST_CHANGE_PASSWORD", "true");
        env.put("RATE_LIMIT_PER_MIN", "0");
        env.put("LOGIN_ATTEMPT_LIMIT", "10000");
        env.putAll(overrides);
        env.values().removeIf(v -> v == null);
        return startRaw(env, catalogue);
    }

    public static TestServer startRaw(Map<String, String> env) {
        return startRaw(env, Catalogue.builtIn());
    }

    private static TestServer startRaw(Map<String, String> env, Catalogue catalogue) {
        try {
            Path root = Files.createTempDirectory("snapotter-server-test");
            TestServer t = new TestServer(root, new HashMap<>(env), catalogue);
            t.boot();
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ServerConfig config(Path root, Map<String, String> env) {
        Map<String, String> all = new HashMap<>();
        all.put("HOST", "127.0.0.1");
        all.put("PORT", "0");
        all.put("DATA_DIR", root.resolve("data").toString());
        all.put("WORKSPACE_PATH", root.resolve("workspace").toString());
        all.put("CONCURRENT_JOBS", "2");
        all.put("LOG_LEVEL", "warn");
        all.putAll(env);
        ServerConfig c = ConfigLoader.load(Env.of(all));
        return c.withAuth(c.auth().withArgon2(Argon2Params.FAST_FOR_TESTS));
    }

    private void boot() {
        server = SnapOtterServer.start(config(root, env), UidSource.fixed(1000), catalogue);
    }

    /** Stops and starts again on the same data (persistence tests). */
    public void restart() {
        server.stop();
        boot();
    }

    public void stop() {
        server.stop();
    }

    public SnapOtterServer server() {
        return server;
    }

    public Path dataDir() {
        return root.resolve("data");
    }

    public Path workspace() {
        return root.resolve("workspace");
    }

    public Api api() {
        return new Api("http://127.0.0.1:" + server.port());
    }

    /** A client logged in as the initial admin. */
    public Api admin() {
        Api a = api();
        a.login("admin", ADMIN_PASSWORD);
        return a;
    }

    /** Creates a user with a role and returns a client logged in as that user (password change done). */
    public Api userWithRole(String username, String role) {
        Api admin = admin();
        String temp = "Temp0rary" + username;
        admin.postJson("/api/auth/users", Map.of("username", username, "password", temp, "role", role)).expect(201);
        Api u = api();
        u.login(username, temp);
        u.postJson("/api/auth/change-password", Map.of("currentPassword", temp, "newPassword", "Ch4nged" + username)).expect(200);
        return u;
    }

    @Override
    public void close() {
        if (server != null) server.stop();
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
