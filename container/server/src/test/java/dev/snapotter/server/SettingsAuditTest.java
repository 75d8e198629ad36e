package dev.snapotter.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snapotter.server.support.Api;
import dev.snapotter.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsAuditTest {

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void settingsRoundTripAndAreAudited() {
        Api admin = server.admin();
        assertThat(admin.get("/api/v1/settings").expect(200).json().at("/settings/instance_id").asText()).hasSize(36);
        JsonNode r = admin.putJson("/api/v1/settings", Map.of("defaultTheme", "dark", "appName", "Otter", "disabledTools", List.of())).expect(200).json();
        assertThat(r.get("updatedCount").asInt()).isEqualTo(3);
        assertThat(admin.get("/api/v1/settings/appName").json().get("value").asText()).isEqualTo("Otter");
        admin.get("/api/v1/settings/nope").expect(404);
        JsonNode audit = admin.get("/api/v1/audit-log?action=SETTINGS_UPDATED").expect(200).json();
        assertThat(audit.get("total").asInt()).isPositive();
        assertThat(audit.at("/entries/0/actorUsername").asText()).isEqualTo("admin");
    }

    @Test
    void badSettingsAreRefusedAndNothingIsWritten() {
        Api admin = server.admin();
        admin.putJson("/api/v1/settings", Map.of("defaultLocale", "de")).expect(200);
        List<Map<String, Object>> bad = List.of(
                Map.of("defaultLocale", "fr", "noSuchKey", 1),
                Map.of("defaultLocale", "fr", "appName", "<script>alert(1)</script>"),
                Map.of("defaultLocale", "fr", "loginAttemptLimit", "ten"),
                Map.of("defaultLocale", "fr", "loginAttemptLimit", 0),
                Map.of("defaultLocale", "fr", "tempFileMaxAgeHours", 1.5),
                Map.of("defaultLocale", "fr", "disabledTools", List.of("not-a-tool")),
                Map.of("defaultLocale", "fr", "startupCleanup", "yes"),
                Map.of("defaultLocale", "fr", "defaultTheme", "neon"));
        for (Map<String, Object> b : bad) {
            JsonNode err = admin.putJson("/api/v1/settings", b).expect(400).json();
            assertThat(err.get("details")).isNotEmpty();
        }
        admin.putJson("/api/v1/settings", Map.of()).expect(400);
        admin.putJson("/api/v1/settings", "[1,2]").expect(400);
        admin.putJson("/api/v1/settings", "{not json").expect(400);
        assertThat(admin.get("/api/v1/settings/defaultLocale").json().get("value").asText()).isEqualTo("de");
    }

    @Test
    void disabledToolsDisappear() {
        Api admin = server.admin();
        admin.putJson("/api/v1/settings", Map.of("disabledTools", List.of("crop"))).expect(200);
        assertThat(admin.get("/api/v1/tools").json().get("tools").toString()).doesNotContain("\"id\":\"crop\"");
        admin.get("/api/v1/tools/crop").expect(404);
        assertThat(admin.get("/api/v1/pipeline/tools").json().get("toolIds").toString()).doesNotContain("\"crop\"");
        admin.putJson("/api/v1/settings", Map.of("disabledTools", List.of())).expect(200);
        admin.get("/api/v1/tools/crop").expect(200);
    }

    @Test
    void auditLogPagesAndFilters() {
        Api admin = server.admin();
        for (int i = 0; i < 3; i++) server.api().postJson("/api/auth/login", Map.of("username", "admin", "password", "bad")).expect(401);
        JsonNode page = admin.get("/api/v1/audit-log?limit=2&page=1").expect(200).json();
        assertThat(page.get("entries")).hasSize(2);
        assertThat(page.get("limit").asInt()).isEqualTo(2);
        assertThat(page.get("total").asInt()).isGreaterThanOrEqualTo(4);
        JsonNode failed = admin.get("/api/v1/audit-log?action=LOGIN_FAILED&from=0").json();
        assertThat(failed.get("entries")).allSatisfy(e -> assertThat(e.get("action").asText()).isEqualTo("LOGIN_FAILED"));
        assertThat(failed.at("/entries/0/ipAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(admin.get("/api/v1/audit-log?from=2999-01-01T00:00:00Z").json().get("total").asInt()).isZero();
        admin.get("/api/v1/audit-log?limit=1000").expect(400);
        admin.get("/api/v1/audit-log?page=abc").expect(400);
        admin.get("/api/v1/audit-log?action=drop%20table").expect(400);
        admin.get("/api/v1/audit-log?from=yesterday").expect(400);
    }
}
