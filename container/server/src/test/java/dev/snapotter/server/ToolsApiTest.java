package dev.snapotter.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snapotter.engine.ImageEngine;
import dev.snapotter.server.support.Api;
import dev.snapotter.server.support.Multipart;
import dev.snapotter.server.support.Pictures;
import dev.snapotter.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ToolsApiTest {

    static TestServer server;
    static Api admin;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("MAX_UPLOAD_SIZE_MB", "2", "MAX_BATCH_SIZE", "5"));
        admin = server.admin();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void catalogueComesFromTheEngineDescriptors() {
        JsonNode tools = admin.get("/api/v1/tools").expect(200).json().get("tools");
        List<String> ids = new ArrayList<>();
        tools.forEach(t -> ids.add(t.get("id").asText()));
        List<String> expected = new ArrayList<>(ImageEngine.createDefault().catalog().all().stream().map(t -> t.descriptor().id()).toList());
        expected.add("remove-background"); // the AI tools join after the built-in ones (listed even before their bundle is installed)
        assertThat(ids).containsExactlyElementsOf(expected);
        JsonNode resize = admin.get("/api/v1/tools/resize").expect(200).json();
        assertThat(resize.get("params").toString()).contains("\"name\":\"width\"");
        admin.get("/api/v1/tools/nope").expect(404);
    }

    @Test
    void singleToolReturnsJsonWithADownloadUrlThatServesTheResult() {
        JsonNode r = admin.postMultipart("/api/v1/tools/resize",
                new Multipart().file("photo.png", Pictures.png(200, 100)).field("settings", "{\"width\":50}")).expect(200).json();
        assertThat(r.get("downloadUrl").asText()).startsWith("/api/v1/download/" + r.get("jobId").asText() + "/photo_resize.");
        assertThat(r.get("originalSize").asLong()).isPositive();
        Api.Response file = server.api().get(r.get("downloadUrl").asText()).expect(200);
        assertThat(file.header("Content-Disposition")).startsWith("attachment;");
        BufferedImage img = Pictures.read(file.bytes());
        assertThat(img.getWidth()).isEqualTo(50);
        assertThat(img.getHeight()).isEqualTo(25);
        assertThat(file.bytes().length).isEqualTo(r.get("processedSize").asInt());
    }

    @Test
    void batchStreamsAZipWithFileResults() throws Exception {
        Multipart form = new Multipart().field("settings", "{\"width\":20}")
                .file("a.png", Pictures.png(40, 40)).file("a.png", Pictures.png(60, 30)).file("broken.png", "not an image".getBytes());
        Api.Response r = admin.postMultipart("/api/v1/tools/resize/batch", form).expect(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/zip");
        assertThat(r.header("X-Job-Id")).hasSize(36);
        JsonNode results = Api.JSON.readTree(URLDecoder.decode(r.header("X-File-Results"), StandardCharsets.UTF_8));
        assertThat(results.size()).isEqualTo(2);
        JsonNode errors = Api.JSON.readTree(URLDecoder.decode(r.header("X-File-Errors"), StandardCharsets.UTF_8));
        assertThat(errors.has("2")).isTrue();
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.bytes()))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                names.add(e.getName());
                assertThat(Pictures.read(zip.readAllBytes()).getWidth()).isEqualTo(20);
            }
        }
        assertThat(names).containsExactlyInAnyOrder(results.get("0").asText(), results.get("1").asText()).doesNotHaveDuplicates();
    }

    @Test
    void batchWhereEverythingFailsIs422AndTooManyFilesIs400() {
        admin.postMultipart("/api/v1/tools/resize/batch", new Multipart().field("settings", "{\"width\":20}")
                .file("x.png", "junk".getBytes()).file("y.png", new byte[0])).expect(422);
        Multipart many = new Multipart().field("settings", "{\"width\":20}");
        for (int i = 0; i < 6; i++) many.file(i + ".png", Pictures.png(8, 8));
        admin.postMultipart("/api/v1/tools/resize/batch", many).expect(400);
    }

    @Test
    void invalidSettingsAreFieldErrors() {
        JsonNode err = admin.postMultipart("/api/v1/tools/resize",
                new Multipart().file("p.png", Pictures.png(10, 10)).field("settings", "{\"width\":999999,\"widht\":3}")).expect(400).json();
        assertThat(err.get("error").asText()).isEqualTo("Invalid settings");
        assertThat(err.get("details").toString()).contains("\"path\":\"width\"").contains("\"path\":\"widht\"");
        admin.postMultipart("/api/v1/tools/resize", new Multipart().file("p.png", Pictures.png(10, 10)).field("settings", "{oops")).expect(400);
        admin.postMultipart("/api/v1/tools/resize", new Multipart().file("p.png", Pictures.png(10, 10)).field("settings", "[1]")).expect(400);
    }

    @Test
    void wrongOrMissingUploads() {
        admin.postMultipart("/api/v1/tools/resize", new Multipart().field("settings", "{\"width\":5}")).expect(400);
        admin.postMultipart("/api/v1/tools/resize", new Multipart().file("a.png", Pictures.png(8, 8)).file("b.png", Pictures.png(8, 8))
                .field("settings", "{\"width\":5}")).expect(400);
        admin.postJson("/api/v1/tools/resize", Map.of("width", 5)).expect(415);
        admin.postRaw("/api/v1/tools/resize", "image/png", Pictures.png(8, 8)).expect(415);
        admin.postRaw("/api/v1/tools/resize", null, new byte[0]).expect(415);
        admin.sendIsolated(admin.request("/api/v1/tools/resize").header("Content-Type", "multipart/form-data; boundary=zzz")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray("garbage".getBytes()))).expect(400);
        JsonNode empty = admin.postMultipart("/api/v1/tools/resize", new Multipart().file("e.png", new byte[0]).field("settings", "{\"width\":5}"))
                .expect(422).json();
        assertThat(empty.get("code").asText()).isEqualTo("EMPTY");
        JsonNode text = admin.postMultipart("/api/v1/tools/resize",
                new Multipart().file("evil.png", "<?php system($_GET['c']); ?>".getBytes()).field("settings", "{\"width\":5}")).expect(422).json();
        assertThat(text.get("error").asText()).isEqualTo("Processing failed");
        assertThat(text.toString()).doesNotContain("Exception").doesNotContain("at dev.");
    }

    @Test
    void oversizedUploadIs413() {
        byte[] big = new byte[3 * 1024 * 1024];
        Multipart form = new Multipart().file("big.png", big).field("settings", "{\"width\":5}");
        admin.sendIsolated(admin.request("/api/v1/tools/resize").header("Content-Type", form.contentType())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(form.body()))).expect(413);
    }

    @Test
    void hostileFileNamesAreSanitisedInTheDownloadUrl() {
        // A NUL byte in the part header is refused by Jetty itself (400) before our code runs.
        Multipart nul = new Multipart().file("a\u0000b.png", Pictures.png(10, 10)).field("settings", "{\"width\":5}");
        admin.sendIsolated(admin.request("/api/v1/tools/resize").header("Content-Type", nul.contentType())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(nul.body()))).expect(400);
        for (String name : new String[]{"../../../etc/passwd.png", "..\\..\\win.png", "x".repeat(5000) + ".png", "صورة\u202Egnp.png", "%00b.png"}) {
            JsonNode r = admin.postMultipart("/api/v1/tools/resize",
                    new Multipart().file(name, Pictures.png(10, 10)).field("settings", "{\"width\":5}")).expect(200).json();
            String file = r.get("filename").asText();
            assertThat(file).doesNotContain("/").doesNotContain("\\").doesNotContain("..").doesNotContain("\u202E").doesNotContain("\u0000");
            assertThat(file.length()).isLessThan(200);
            server.api().get(r.get("downloadUrl").asText()).expect(200);
        }
    }

    @Test
    void downloadTraversalVariantsNeverEscape() {
        JsonNode r = admin.postMultipart("/api/v1/tools/resize",
                new Multipart().file("in.png", Pictures.png(10, 10)).field("settings", "{\"width\":5}")).expect(200).json();
        String job = r.get("jobId").asText();
        String[] attacks = {
                job + "/..%2F..%2Fdata%2Fsnapotter.db", job + "/%2e%2e%2f%2e%2e%2fetc%2fpasswd", job + "/%252e%252e%252fetc%252fpasswd",
                job + "/..%5c..%5cetc%5cpasswd", job + "/in.png%00.png", job + "/..", job + "/%2e%2e", job + "/.%2e/input/in.png",
                "..%2F" + job + "/in_resize.png", "not-a-uuid/in_resize.png", job + "/../input/in.png", job + "/%2Fetc%2Fpasswd"};
        for (String a : attacks) {
            Api.Response res = server.api().get("/api/v1/download/" + a);
            assertThat(res.status()).as(a).isIn(400, 404);
            assertThat(res.body()).as(a).doesNotContain("root:").doesNotContain("SQLite format");
        }
        server.api().get("/api/v1/download/" + job + "/in.png").expect(404);
    }

    @Test
    void infoToolReturnsAReport() {
        org.junit.jupiter.api.Assumptions.assumeTrue(ImageEngine.createDefault().catalog().find("info").isPresent(), "engine has no info tool yet");
        JsonNode info = admin.postMultipart("/api/v1/tools/info", new Multipart().file("i.png", Pictures.png(33, 21))).expect(200).json();
        assertThat(info.toString()).contains("33").contains("21");
    }

    @Test
    void progressIsStreamedAsServerSentEvents() throws Exception {
        String jobId = java.util.UUID.randomUUID().toString();
        var client = java.net.http.HttpClient.newHttpClient();
        var sse = client.sendAsync(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.api().base() + "/api/v1/jobs/" + jobId + "/progress")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        Thread.sleep(300);
        admin.postMultipart("/api/v1/tools/resize", new Multipart().file("p.png", Pictures.png(30, 30)).field("settings", "{\"width\":10}")
                .field("clientJobId", jobId)).expect(200);
        var resp = sse.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(resp.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(resp.body()).contains("data: {").contains("\"jobId\":\"" + jobId + "\"").contains("\"phase\":\"complete\"");
        assertThat(server.api().get("/api/v1/jobs/" + jobId).expect(200).json().get("status").asText()).isEqualTo("completed");
        server.api().get("/api/v1/jobs/not-a-uuid/progress").expect(404);
    }
}
