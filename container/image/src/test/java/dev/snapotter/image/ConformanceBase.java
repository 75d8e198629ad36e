package dev.snapotter.image;

import dev.snapotter.image.support.BuiltImage;
import dev.snapotter.image.support.ComposeFile;
import dev.snapotter.image.support.ComposeRun;
import dev.snapotter.image.support.Container;
import dev.snapotter.image.support.TestResources;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shared set-up of the conformance suite: the image built once by build.sh, and per test class one
 * {@link TestResources} whose containers, volumes and networks are removed after the class.
 */
abstract class ConformanceBase {

    static final Logger LOG = LoggerFactory.getLogger("conformance");
    /** Far below the seed's 60 s start period, so a slow start is noticed; JVM start + migrations take seconds. */
    static final Duration HEALTHY_WITHIN = Duration.ofSeconds(60);
    static final String COMPOSE_PASSWORD = "change-me-immediately";

    static BuiltImage image;
    static TestResources res;

    @BeforeAll
    static void setUpDocker() {
        image = BuiltImage.get();
        res = new TestResources();
    }

    @AfterAll
    static void cleanUpDocker() {
        if (res != null) res.close();
        res = null;
    }

    /** The default hardened compose service, ready to be adjusted and started. */
    static ComposeRun hardened() {
        return new ComposeRun(ComposeFile.load(Paths.compose()).service("SnapOtter"), res);
    }

    static ComposeRun readOnly() {
        return new ComposeRun(ComposeFile.load(Paths.composeReadOnly()).service("SnapOtter"), res);
    }

    /** The health probe every second instead of every 30 s, so waiting for "healthy" is quick. */
    static Container startHealthy(ComposeRun run) {
        Container c = new Container(run.healthInterval("1s").start(image.tag()));
        Duration took = c.awaitHealthy(HEALTHY_WITHIN);
        LOG.info("container {} healthy after {} ms", c.id().substring(0, 12), took.toMillis());
        return c;
    }
}
