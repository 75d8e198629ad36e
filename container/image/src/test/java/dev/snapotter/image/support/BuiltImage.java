package dev.snapotter.image.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The image under test: built once per JVM with build.sh (the same one command operators run), from
 * the server jar of this build. Docker missing -> every suite test is skipped with the reason; a
 * failing build -> every suite test fails with the build output.
 */
public final class BuiltImage {

    private static final Logger LOG = LoggerFactory.getLogger(BuiltImage.class);
    private static BuiltImage instance;
    private static AssertionError buildFailure;

    private final String tag;
    private final Path tar;
    private final Duration buildTime;
    private final String buildLog;

    private BuiltImage(String tag, Path tar, Duration buildTime, String buildLog) {
        this.tag = tag;
        this.tar = tar;
        this.buildTime = buildTime;
        this.buildLog = buildLog;
    }

    /** Skips the calling test when Docker is absent or the suite is switched off. */
    public static synchronized BuiltImage get() {
        Assumptions.assumeFalse(Boolean.getBoolean("snapotter.image.skip"), "container suite switched off (-Dsnapotter.image.skip=true)");
        String reason = Docker.unavailableReason();
        Assumptions.assumeTrue(reason == null, () -> "SKIPPED: no Docker daemon reachable, the container conformance suite needs one ("
                + reason + "). CI installs docker.io and starts dockerd.");
        if (buildFailure != null) throw buildFailure;
        if (instance == null) {
            try {
                instance = build();
            } catch (AssertionError e) {
                buildFailure = e;
                throw e;
            }
        }
        return instance;
    }

    private static BuiltImage build() {
        Path dir = Path.of(System.getProperty("snapotter.image.dir", "."));
        String buildDir = System.getProperty("snapotter.build.dir", "target");
        List<String> cmd = new ArrayList<>(List.of("bash", dir.resolve("build.sh").toString()));
        String jar = System.getProperty("snapotter.server.jar");
        if (jar != null && Files.isRegularFile(Path.of(jar))) cmd.addAll(List.of("--server-jar", jar));
        long t0 = System.nanoTime();
        ExecResult r = Docker.exec(Duration.ofMinutes(15), cmd, null, java.util.Map.of("SNAPOTTER_BUILD_DIR", buildDir));
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        if (!r.ok()) throw new AssertionError("build.sh failed: " + r.describe());
        String log = r.stderr();
        String tag = log.lines().filter(l -> l.contains("] image: ")).map(l -> l.replaceAll(".*] image: (\\S+) .*", "$1")).findFirst()
                .orElseThrow(() -> new AssertionError("build.sh did not report the image tag:\n" + log));
        String version = tag.substring(tag.indexOf(':') + 1);
        LOG.info("image {} built by build.sh in {} s", tag, took.toSeconds());
        log.lines().filter(l -> l.startsWith("[build.sh]")).forEach(l -> LOG.info("  {}", l));
        return new BuiltImage(tag, dir.resolve(buildDir).resolve("snapotter-image-" + version + ".tar"), took, log);
    }

    public String tag() {
        return tag;
    }

    public Path tar() {
        return tar;
    }

    public Duration buildTime() {
        return buildTime;
    }

    public String buildLog() {
        return buildLog;
    }
}
