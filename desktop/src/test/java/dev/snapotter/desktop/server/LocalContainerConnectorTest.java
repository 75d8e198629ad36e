package dev.snapotter.desktop.server;

import dev.snapotter.control.api.ApiKeyStore;
import dev.snapotter.desktop.backend.BackendKind;
import dev.snapotter.desktop.backend.LocalEngineBackend;
import dev.snapotter.desktop.backend.ServerBackend;
import dev.snapotter.desktop.support.RealServer;
import dev.snapotter.engine.ImageEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** "Local container" is usable only when the managed container is healthy and the desktop has its key. */
class LocalContainerConnectorTest {

    @TempDir
    Path tmp;

    private final FakeServerControl docker = new FakeServerControl();

    private ServerBackend backend(ApiKeyStore keys) {
        return new ServerBackend(BackendKind.LOCAL_CONTAINER, new LocalContainerConnector(docker, keys),
                new LocalEngineBackend(ImageEngine.createDefault()));
    }

    @Test
    void noContainerOrAnUnhealthyOneIsExplained() {
        ServerBackend backend = backend(new ApiKeyStore(tmp.resolve("key")));
        assertThat(backend.unavailableReason()).get().asString().contains("not connected yet");
        assertThat(backend.refresh()).get().asString().contains("not created yet").contains("View → Server…");
        docker.containerExists = true;
        docker.running = false;
        assertThat(backend.refresh()).get().asString().contains("Stopped").contains("once it is healthy");
    }

    @Test
    void aHealthyContainerIsUsedWithTheDesktopsKey() throws Exception {
        Path serverDir = Files.createDirectories(tmp.resolve("server"));
        try (RealServer server = RealServer.start(serverDir, Map.of("DEFAULT_PASSWORD", "Adm1nPassword",
                "SKIP_MUST_CHANGE_PASSWORD", "true", "RATE_LIMIT_PER_MIN", "0"))) {
            docker.containerExists = true;
            docker.running = true;
            docker.port = server.port();
            ApiKeyStore keys = new ApiKeyStore(tmp.resolve("app").resolve(ApiKeyStore.FILE_NAME));
            ServerBackend backend = backend(keys);
            assertThat(backend.refresh()).get().asString().contains("finish the first-start steps");

            var admin = server.api().withBearer(server.api().login("admin", "Adm1nPassword").token());
            keys.save(admin.createApiKey("desktop").secret());
            assertThat(backend.refresh()).isEmpty();
            assertThat(backend.describe()).isEqualTo("the local container on 127.0.0.1:" + server.port());
            assertThat(backend.pipelineTools()).isNotEmpty();
        }
    }
}
