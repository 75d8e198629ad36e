package dev.snapotter.image.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The docker CLI through ProcessBuilder. Chosen over docker-java for the conformance suite because the
 * suite proves the exact commands the documentation tells operators to type ({@code docker run
 * --cap-drop …}, {@code docker inspect}, {@code docker exec}), the image itself is built by a shell
 * script with the same CLI, and it adds no dependency to a test-only module. docker-java is exercised
 * by the control module.
 */
public final class Docker {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    private Docker() {
    }

    /** Null when a daemon answers; otherwise the reason, for the skip message. */
    public static String unavailableReason() {
        try {
            ExecResult r = exec(Duration.ofSeconds(20), List.of("docker", "info", "--format", "{{.ServerVersion}}"), null);
            return r.ok() ? null : "docker info failed: " + r.stderr().strip();
        } catch (UncheckedIOException e) {
            return "the docker CLI is not installed (" + e.getCause().getMessage() + ")";
        }
    }

    public static ExecResult run(String... args) {
        return run(DEFAULT_TIMEOUT, args);
    }

    public static ExecResult run(Duration timeout, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("docker");
        cmd.addAll(List.of(args));
        return exec(timeout, cmd, null);
    }

    /** Runs and fails the test (with the full command and output) on a non-zero exit. */
    public static String ok(String... args) {
        ExecResult r = run(args);
        if (!r.ok()) throw new AssertionError("docker command failed: " + r.describe());
        return r.stdout().strip();
    }

    public static ExecResult exec(Duration timeout, List<String> cmd, byte[] stdin) {
        return exec(timeout, cmd, stdin, Map.of());
    }

    public static ExecResult exec(Duration timeout, List<String> cmd, byte[] stdin, Map<String, String> env) {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
        try (var in = p.getOutputStream()) {
            if (stdin != null) in.write(stdin);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError("timed out after " + timeout + ": " + String.join(" ", cmd));
            }
            return new ExecResult(List.copyOf(cmd), p.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new AssertionError("interrupted: " + String.join(" ", cmd), e);
        }
    }

    /** {@code docker inspect} of one object as JSON. */
    public static JsonNode inspect(String id) {
        try {
            return JSON.readTree(ok("inspect", id)).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String drain(InputStream in) {
        try (in) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            return buf.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "<unreadable: " + e.getMessage() + ">";
        }
    }
}
