package dev.snapotter.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snapotter.engine.testing.HostileCorpus;
import dev.snapotter.server.support.Api;
import dev.snapotter.server.support.Multipart;
import dev.snapotter.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine's hostile-input corpus sent through the HTTP API: clean 422s with the engine's kind, or success. */
class HostileCorpusApiTest {

    static TestServer server;
    static Api admin;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("MAX_UPLOAD_SIZE_MB", "64"));
        admin = server.admin();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<HostileCorpus.Entry> corpus() {
        return HostileCorpus.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachEntryFailsCleanlyOrSucceeds(HostileCorpus.Entry e) {
        Api.Response r = admin.postMultipart("/api/v1/tools/resize",
                new Multipart().file(e.fileName(), e.bytes()).field("settings", "{\"width\":64}"));
        if (e.mustFail()) {
            JsonNode body = r.expect(422).json();
            assertThat(body.get("code").asText()).isEqualTo(e.kind().name());
            assertThat(body.get("details").asText()).containsIgnoringCase(e.message());
            assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
        } else {
            server.api().get(r.expect(200).json().get("downloadUrl").asText()).expect(200);
        }
        // The server is still healthy after every entry.
        server.api().get("/api/v1/health").expect(200);
    }
}
