package dev.snapotter.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snapotter.server.support.Api;
import dev.snapotter.server.support.Multipart;
import dev.snapotter.server.support.Pictures;
import dev.snapotter.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PipelinesApiTest {

    static final String PIPELINE = "{\"steps\":[{\"toolId\":\"resize\",\"settings\":{\"width\":40}},{\"toolId\":\"rotate\",\"settings\":{\"angle\":90}}]}";
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("MAX_PIPELINE_STEPS", "3"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void executeRunsEveryStep() {
        JsonNode r = server.admin().postMultipart("/api/v1/pipeline/execute",
                new Multipart().file("p.png", Pictures.png(80, 40)).field("pipeline", PIPELINE)).expect(200).json();
        assertThat(r.get("stepsCompleted").asInt()).isEqualTo(2);
        assertThat(r.at("/steps/1/toolId").asText()).isEqualTo("rotate");
        var img = Pictures.read(server.api().get(r.get("downloadUrl").asText()).expect(200).bytes());
        assertThat(img.getWidth()).isEqualTo(20);
        assertThat(img.getHeight()).isEqualTo(40);
    }

    @Test
    void invalidPipelinesAreRejectedBeforeAnyWork() {
        Api admin = server.admin();
        JsonNode err = admin.postMultipart("/api/v1/pipeline/execute", new Multipart().file("p.png", Pictures.png(8, 8))
                .field("pipeline", "{\"steps\":[{\"toolId\":\"resize\",\"settings\":{\"width\":40}},{\"toolId\":\"nope\"}]}")).expect(400).json();
        assertThat(err.get("details").toString()).contains("steps[1].toolId");
        admin.postMultipart("/api/v1/pipeline/execute", new Multipart().file("p.png", Pictures.png(8, 8)).field("pipeline", "{\"steps\":[]}")).expect(400);
        admin.postMultipart("/api/v1/pipeline/execute", new Multipart().file("p.png", Pictures.png(8, 8)).field("pipeline", "{")).expect(400);
        admin.postMultipart("/api/v1/pipeline/execute", new Multipart().file("p.png", Pictures.png(8, 8))).expect(400);
        String four = "{\"steps\":[" + String.join(",", java.util.Collections.nCopies(4, "{\"toolId\":\"rotate\",\"settings\":{\"angle\":90}}")) + "]}";
        admin.postMultipart("/api/v1/pipeline/execute", new Multipart().file("p.png", Pictures.png(8, 8)).field("pipeline", four)).expect(400);
        admin.postMultipart("/api/v1/pipeline/execute", new Multipart().file("p.png", Pictures.png(8, 8))
                .field("pipeline", "{\"steps\":[{\"toolId\":\"info\"}]}")).expect(400);
    }

    @Test
    void batchProducesAZip() {
        Api.Response r = server.admin().postMultipart("/api/v1/pipeline/batch", new Multipart().field("pipeline", PIPELINE)
                .file("a.png", Pictures.png(80, 40)).file("b.jpg", Pictures.jpeg(80, 40))).expect(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/zip");
        assertThat(r.header("X-File-Results")).isNotBlank();
    }

    @Test
    void saveListDeleteWithOwnership() {
        Api a = server.userWithRole("p_a", "user");
        Api b = server.userWithRole("p_b", "user");
        Api ed = server.userWithRole("p_e", "editor");
        JsonNode saved = a.postJson("/api/v1/pipeline/save", Map.of("name", "Thumbs", "description", "small",
                "steps", List.of(Map.of("toolId", "resize", "settings", Map.of("width", 64))))).expect(201).json();
        assertThat(saved.get("steps").get(0).get("toolId").asText()).isEqualTo("resize");
        a.postJson("/api/v1/pipeline/save", Map.of("name", "Bad", "steps", List.of(Map.of("toolId", "resize", "settings", Map.of("width", -1))))).expect(400);
        a.postJson("/api/v1/pipeline/save", Map.of("name", "<b>x</b>", "steps", List.of(Map.of("toolId", "rotate")))).expect(400);
        a.postJson("/api/v1/pipeline/save", Map.of("name", "x".repeat(101), "steps", List.of(Map.of("toolId", "rotate")))).expect(400);
        a.postJson("/api/v1/pipeline/save", Map.of("name", "NoSteps")).expect(400);
        assertThat(a.get("/api/v1/pipeline/list").json().get("pipelines")).hasSize(1);
        assertThat(b.get("/api/v1/pipeline/list").json().get("pipelines")).isEmpty();
        assertThat(ed.get("/api/v1/pipeline/list").json().get("pipelines").size()).isGreaterThanOrEqualTo(1);
        String id = saved.get("id").asText();
        b.delete("/api/v1/pipeline/" + id).expect(404);
        a.delete("/api/v1/pipeline/" + id).expect(200);
        a.delete("/api/v1/pipeline/" + id).expect(404);
    }

    @Test
    void toolsListsPipelineCapableIds() {
        JsonNode ids = server.admin().get("/api/v1/pipeline/tools").expect(200).json().get("toolIds");
        assertThat(ids.toString()).contains("\"resize\"").doesNotContain("\"info\"");
    }
}
