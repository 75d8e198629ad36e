package dev.snapotter.desktop.support;

import dev.snapotter.control.api.SnapOtterApi;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real SnapOtter server ({@code container/server}'s shaded jar) as a child process on 127.0.0.1 with its own
 * DATA_DIR — the desktop never links the server's classes (ArchitectureTest). Without the jar the test is skipped
 * locally with a message, and fails in CI, where the reactor builds the server first.
 */
public final class RealServer implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private RealServer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static Path jar() {
        String jar = System.getProperty("snapotter.server.jar", "");
        boolean present = !jar.isBlank() && Files.isRegularFile(Path.of(jar));
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("The server jar is missing in CI: " + jar + " (build container/server first)");
        }
        Assumptions.assumeTrue(present, "No server jar at '" + jar + "': run `mvn -pl container/server -am package`"
                + " with the same -Dsnapotter.build.dir to include the real-server tests");
        return Path.of(jar);
    }

    /** Starts the server with {@code env} on a free port and waits until it is healthy. */
    public static RealServer start(Path dir, Map<String, String> env) throws Exception {
        Path jar = jar();
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx384m",
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        Path log = dir.resolve("server.log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        pb.environment().put("HOST", "127.0.0.1");
        pb.environment().put("PORT", String.valueOf(port));
        pb.environment().put("DATA_DIR", dir.resolve("data").toString());
        pb.environment().put("WORKSPACE_PATH", dir.resolve("workspace").toString());
        pb.environment().putAll(env);
        RealServer server = new RealServer(pb.start(), log, port);
        try {
            server.awaitHealthy();
        } catch (Exception | AssertionError e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitHealthy() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new AssertionError("The server exited early:\n" + log());
            try {
                if (api().health().healthy()) return;
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The server never became healthy:\n" + log());
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public SnapOtterApi api() {
        return SnapOtterApi.local(port);
    }

    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "<unreadable log: " + e + ">";
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
