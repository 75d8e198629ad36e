package dev.snapotter.control.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The few writes the backup tests populate a server with (users, pipelines), as raw loopback HTTP calls. */
final class AdminHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;
    private final String bearer;

    AdminHttp(int port, String bearer) {
        this.port = port;
        this.bearer = bearer;
    }

    JsonNode post(String path, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
        return JSON.readTree(r.body());
    }

    void createUser(String name, String role) throws Exception {
        post("/api/auth/users", "{\"username\":\"" + name + "\",\"password\":\"Passw0rd-" + name + "\",\"role\":\""
                + role + "\"}");
    }

    void savePipeline(String name, int width) throws Exception {
        post("/api/v1/pipeline/save", "{\"name\":\"" + name + "\",\"description\":\"test\",\"steps\":[{\"toolId\":"
                + "\"resize\",\"settings\":{\"width\":" + width + "}}]}");
    }
}
