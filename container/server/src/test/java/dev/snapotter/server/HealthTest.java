package dev.snapotter.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snapotter.engine.ImageEngine;
import dev.snapotter.engine.testing.Backends;
import dev.snapotter.server.support.TestServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HealthTest {

    @Test
    void publicAndAdminHealth() {
        try (TestServer t = TestServer.start(Map.of())) {
            JsonNode h = t.api().get("/api/v1/health").expect(200).json();
            assertThat(h.get("status").asText()).isEqualTo("healthy");
            assertThat(h.get("version").asText()).isNotBlank();
            JsonNode a = t.admin().get("/api/v1/admin/health").expect(200).json();
            assertThat(a.get("status").asText()).isEqualTo("healthy");
            assertThat(a.get("database").asText()).isEqualTo("ok");
            assertThat(a.at("/engine/backend").asText()).isEqualTo(ImageEngine.createDefault().codec().name());
            assertThat(a.at("/engine/version").asText()).isEqualTo(ImageEngine.createDefault().codec().version());
            if (Backends.inCi()) {
                // CI installs libvips-tools (and so libvips42): the server must run on libvips, not a silent Java fallback
                assertThat(a.at("/engine/backend").asText()).as("CI=true: libvips is installed").isEqualTo("libvips");
                assertThat(a.at("/engine/version").asText()).matches("8\\.\\d+\\.\\d+.*");
            }
            assertThat(a.get("uptime").asText()).endsWith("s");
            assertThat(a.at("/queue/depth").asInt()).isZero();
            assertThat(a.at("/queue/workers").asInt()).isEqualTo(2);
            assertThat(a.at("/storage/data/freeBytes").asLong()).isPositive();
            assertThat(a.at("/storage/workspace/freeBytes").asLong()).isPositive();
        }
    }

    @Test
    void unusableDatabaseMakesHealth503() throws Exception {
        try (TestServer t = TestServer.start(Map.of())) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + t.dataDir().resolve("snapotter.db")); Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("DROP TABLE settings");
            }
            JsonNode h = t.api().get("/api/v1/health").expect(503).json();
            assertThat(h.get("status").asText()).isEqualTo("unhealthy");
        }
    }
}
