package dev.snapotter.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snapotter.image.support.Docker;
import dev.snapotter.image.support.ExecResult;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The image as built: size, labels, configuration, user, runtime and the saved tar. */
class ImageIT extends ConformanceBase {

    private static final long LIMIT_WITHOUT_NATIVE_IMAGING = 200_000_000L;
    private static final long LIMIT_WITH_NATIVE_IMAGING = 400_000_000L;

    private static JsonNode config() {
        return Docker.inspect(image.tag()).path("Config");
    }

    private ExecResult inImage(String... cmd) {
        List<String> a = new ArrayList<>(List.of("--user", "0", "--entrypoint", cmd[0], image.tag()));
        a.addAll(List.of(cmd).subList(1, cmd.length));
        return res.helper(a.toArray(String[]::new));
    }

    @Test
    void imageSizeIsPrintedAndWithinTheLimit() {
        long size = Docker.inspect(image.tag()).path("Size").asLong();
        boolean libvips = inImage("dpkg-query", "-W", "-f=${Status}", "libvips42").stdout().contains("install ok installed");
        long limit = libvips ? LIMIT_WITH_NATIVE_IMAGING : LIMIT_WITHOUT_NATIVE_IMAGING;
        LOG.info("MEASURED image size: {} MB ({} bytes; limit {} MB, native imaging library: {})", size / 1_000_000, size, limit / 1_000_000,
                libvips);
        assertThat(size).isLessThanOrEqualTo(limit);
    }

    @Test
    void ociLabelsNameVersionRevisionSourceAndLicence() {
        JsonNode labels = config().path("Labels");
        String version = image.tag().substring(image.tag().indexOf(':') + 1);
        assertThat(labels.path("org.opencontainers.image.version").asText()).isEqualTo(version);
        assertThat(labels.path("org.opencontainers.image.revision").asText()).matches("[0-9a-f]{40}|unknown");
        assertThat(labels.path("org.opencontainers.image.source").asText()).isNotBlank();
        assertThat(labels.path("org.opencontainers.image.licenses").asText()).isEqualTo("AGPL-3.0-or-later");
        assertThat(labels.path("dev.snapotter.managed").asText()).isEqualTo("true");
    }

    @Test
    void configHasTheHealthcheckEntrypointVolumesAndWritablePaths() {
        JsonNode c = config();
        JsonNode h = c.path("Healthcheck");
        assertThat(h.path("Test").toString()).contains("curl -sf --max-time 5").contains("/api/v1/health");
        assertThat(h.path("Interval").asLong()).isEqualTo(Duration.ofSeconds(30).toNanos());
        assertThat(h.path("Timeout").asLong()).isEqualTo(Duration.ofSeconds(5).toNanos());
        assertThat(h.path("StartPeriod").asLong()).isEqualTo(Duration.ofSeconds(60).toNanos());
        assertThat(h.path("Retries").asInt()).isEqualTo(3);
        assertThat(c.path("Entrypoint").toString()).isEqualTo("[\"/app/bin/entrypoint.sh\"]");
        assertThat(c.path("Volumes").has("/data")).isTrue();
        assertThat(c.path("Volumes").has("/tmp/workspace")).isTrue();
        assertThat(c.path("ExposedPorts").has("1349/tcp")).isTrue();
        List<String> env = new ArrayList<>();
        c.path("Env").forEach(e -> env.add(e.asText()));
        assertThat(env).contains("HOME=/tmp/snapotter", "XDG_CACHE_HOME=/tmp/snapotter/.cache", "DATA_DIR=/data",
                "WORKSPACE_PATH=/tmp/workspace", "JAVA_HOME=/opt/java");
        assertThat(env).noneMatch(e -> e.startsWith("DEFAULT_PASSWORD"));
        assertThat(inImage("cat", "/app/bin/snapotter-server").stdout()).contains("-Djava.io.tmpdir=/tmp").contains("-Duser.home=");
    }

    @Test
    void userAndGroupAre999WithOwnedDataFoldersAndNoLoginShell() {
        assertThat(inImage("id", "snapotter").stdout().strip()).isEqualTo("uid=999(snapotter) gid=999(snapotter) groups=999(snapotter)");
        assertThat(inImage("getent", "passwd", "snapotter").stdout()).endsWith(":/tmp/snapotter:/usr/sbin/nologin\n");
        assertThat(inImage("stat", "-c", "%n %u:%g", "/data", "/tmp/workspace").stdout()).isEqualTo("/data 999:999\n/tmp/workspace 999:999\n");
        assertThat(inImage("sh", "-c", "find /app /opt/java ! -type l -perm -o+w | head -3").stdout()).as("image files writable by others").isBlank();
    }

    @Test
    void nativesAreUnpackedAtBuildTimeAndTheJarCarriesNoOtherPlatforms() {
        assertThat(inImage("test", "-f", "/app/native/libsqlitejdbc.so").ok()).isTrue();
        // Entry names are stored uncompressed in the zip directory, so grep sees them.
        assertThat(inImage("sh", "-c", "grep -c 'org/sqlite/native/' /app/snapotter-server.jar || true").stdout().strip()).isEqualTo("0");
    }

    @Test
    void theRuntimeHasExactlyTheListedModulesAndAUsableCdsArchive() throws IOException {
        TreeSet<String> listed = new TreeSet<>();
        for (String line : Files.readAllLines(Paths.module().resolve("docker/jlink-modules.txt"))) {
            String m = line.replaceAll("#.*", "").strip();
            if (!m.isEmpty() && !m.startsWith("!")) listed.add(m);
        }
        ExecResult r = inImage("/opt/java/bin/java", "--list-modules");
        TreeSet<String> actual = new TreeSet<>();
        r.stdout().lines().map(l -> l.replaceAll("@.*", "").strip()).filter(l -> !l.isEmpty()).forEach(actual::add);
        // jlink adds what the listed modules require (java.desktop -> java.prefs, …), nothing else.
        assertThat(actual).isEqualTo(requiresClosure(listed));
        ExecResult cds = inImage("/opt/java/bin/java", "-Xshare:on", "-XX:MaxRAMPercentage=75", "-version");
        assertThat(cds.ok()).as("-Xshare:on fails when no CDS archive can be mapped: " + cds.describe()).isTrue();
        assertThat(cds.stderr()).contains("sharing");
    }

    private static TreeSet<String> requiresClosure(TreeSet<String> roots) {
        java.lang.module.ModuleFinder system = java.lang.module.ModuleFinder.ofSystem();
        TreeSet<String> all = new TreeSet<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            String m = todo.pop();
            if (!all.add(m)) continue;
            var ref = system.find(m).orElseThrow(() -> new AssertionError("the test JDK has no module " + m));
            for (var r : ref.descriptor().requires()) {
                if (!r.modifiers().contains(java.lang.module.ModuleDescriptor.Requires.Modifier.STATIC)) todo.push(r.name());
            }
        }
        return all;
    }

    @Test
    void theImageIsSavedForOfflineInstallation() {
        assertThat(image.tar()).exists();
        ExecResult manifest = Docker.exec(Duration.ofMinutes(1), List.of("tar", "-xOf", image.tar().toString(), "manifest.json"), null);
        assertThat(manifest.ok()).as(manifest.describe()).isTrue();
        assertThat(manifest.stdout()).contains(image.tag());
    }

    @Test
    void aRepeatBuildReusesTheCachedBaseAndRuntimeAndNeedsNoNetwork() {
        assertThat(image.buildLog()).contains("--network none");
        List<String> cmd = new ArrayList<>(List.of("bash", Paths.module().resolve("build.sh").toString(), "--no-save"));
        String jar = System.getProperty("snapotter.server.jar");
        if (jar != null && Files.isRegularFile(java.nio.file.Path.of(jar))) cmd.addAll(List.of("--server-jar", jar));
        ExecResult again = Docker.exec(Duration.ofMinutes(5), cmd, null,
                Map.of("SNAPOTTER_BUILD_DIR", System.getProperty("snapotter.build.dir", "target")));
        assertThat(again.ok()).as(again.describe()).isTrue();
        assertThat(again.stderr()).contains("(cached)").contains("runtime: cached").contains("--network none");
        LOG.info("repeat build: {}", again.stderr().lines().filter(l -> l.contains("done in")).findFirst().orElse("?"));
    }

    @Test
    void withoutADaemonTheBuildSaysWhatIsMissing() {
        ExecResult r = Docker.exec(Duration.ofMinutes(1), List.of("bash", Paths.module().resolve("build.sh").toString()), null,
                Map.of("DOCKER_HOST", "unix:///nonexistent/docker.sock"));
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("no Docker daemon reachable").contains("Start it");
    }
}
