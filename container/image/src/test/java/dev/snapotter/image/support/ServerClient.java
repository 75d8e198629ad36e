package dev.snapotter.image.support;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Talks to the server from inside its own container with the image's curl (loopback only), so it
 * works on any network, including one with no route to the host, and on a read-only root filesystem
 * (uploads go through stdin, never through a file in the container).
 */
public final class ServerClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Container c;

    public ServerClient(Container c) {
        this.c = c;
    }

    public record Response(int status, byte[] body) {
        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text(), e);
            }
        }
    }

    public Response get(String path, String token) {
        return curl(null, token, "http://127.0.0.1:1349" + path);
    }

    public Response postJson(String path, String token, Map<String, ?> body) {
        try {
            return curl(JSON.writeValueAsBytes(body), token, "-H", "Content-Type: application/json", "--data-binary", "@-",
                    "http://127.0.0.1:1349" + path);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    public Response delete(String path, String token) {
        return curl(null, token, "-X", "DELETE", "http://127.0.0.1:1349" + path);
    }

    /** Multipart upload: the file from stdin plus a settings JSON field (SnapOtter's tool contract). */
    public Response postFile(String path, String token, String fileName, byte[] file, String settingsJson) {
        return curl(file, token, "-F", "file=@-;filename=" + fileName, "-F", "settings=" + settingsJson, "http://127.0.0.1:1349" + path);
    }

    /** Logs in and returns the bearer token. */
    public String login(String user, String password) {
        Response r = postJson("/api/auth/login", null, Map.of("username", user, "password", password));
        if (r.status() != 200) fail("login as " + user + " failed: " + r.status() + " " + r.text());
        return r.json().path("token").asText();
    }

    /**
     * The admin's first session: log in with the initial password, change it (the server demands that
     * before anything else) and log in again. Returns the bearer token.
     */
    public String adminSession(String initialPassword, String newPassword) {
        String first = login("admin", initialPassword);
        Response r = postJson("/api/auth/change-password", first, Map.of("currentPassword", initialPassword, "newPassword", newPassword));
        if (r.status() != 200) fail("change-password failed: " + r.status() + " " + r.text());
        return login("admin", newPassword);
    }

    /** Runs one tool on an uploaded image and returns the downloaded result. */
    public byte[] runTool(String token, String toolId, String fileName, byte[] input, String settingsJson) {
        Response r = postFile("/api/v1/tools/" + toolId, token, fileName, input, settingsJson);
        if (r.status() != 200) fail(toolId + " failed: " + r.status() + " " + r.text());
        return download(r.json().path("downloadUrl").asText(), token);
    }

    private Response curl(byte[] stdin, String token, String... args) {
        List<String> cmd = new ArrayList<>(List.of("curl", "-sS", "--max-time", "60", "-o", "-", "-w", "\n%{http_code}"));
        if (token != null) cmd.addAll(List.of("-H", "Authorization: Bearer " + token));
        cmd.addAll(List.of(args));
        ExecResult r = stdin == null ? c.exec(cmd.toArray(String[]::new)) : c.execWithInput(stdin, cmd.toArray(String[]::new));
        if (!r.ok()) fail("curl inside the container failed: " + r.describe());
        // -w appends "\n<status>" after the (text) body.
        String out = r.stdout();
        int nl = out.lastIndexOf('\n');
        return new Response(Integer.parseInt(out.substring(nl + 1).strip()),
                out.substring(0, nl).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A binary download (base64 through the exec pipe, so no byte is mangled). */
    public byte[] download(String path, String token) {
        String auth = token == null ? "" : " -H 'Authorization: Bearer " + token + "'";
        ExecResult r = c.exec("sh", "-c", "curl -sSf --max-time 60" + auth + " 'http://127.0.0.1:1349" + path + "' | base64 -w0");
        if (!r.ok() || r.stdout().isBlank()) fail("download of " + path + " failed: " + r.describe());
        return java.util.Base64.getDecoder().decode(r.stdout().strip());
    }
}
