package dev.snapotter.server;

import dev.snapotter.server.config.ConfigException;
import dev.snapotter.server.config.ConfigLoader;
import dev.snapotter.server.config.Env;
import dev.snapotter.server.config.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar snapotter-server.jar}: configuration from the environment (docs/configuration.md).
 * Exit codes: 0 after a clean stop, 2 invalid configuration, 1 any other startup failure.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("java.awt.headless", "true");
        ServerConfig config;
        try {
            config = ConfigLoader.load(Env.system());
        } catch (ConfigException e) {
            // stderr, not only the log: a container that exits at once must say why in `docker logs`.
            System.err.println("FATAL: " + e.getMessage());
            System.exit(2);
            return;
        }
        Logger log = LoggerFactory.getLogger(Main.class);
        SnapOtterServer server;
        try {
            server = SnapOtterServer.start(config);
        } catch (StartupException e) {
            System.err.println("FATAL: " + e.getMessage());
            log.error("Startup failed: {}", e.getMessage());
            System.exit(1);
            return;
        } catch (RuntimeException e) {
            System.err.println("FATAL: startup failed: " + e);
            log.error("Startup failed", e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "shutdown"));
        server.awaitStop();
    }
}
