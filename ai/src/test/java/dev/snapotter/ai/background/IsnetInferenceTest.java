package dev.snapotter.ai.background;

import dev.snapotter.ai.model.ModelLocator;
import dev.snapotter.engine.EngineLimits;
import dev.snapotter.engine.tool.ToolContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Real ISNet inference on generated scenes whose subject is known exactly. */
class IsnetInferenceTest {

    private static final Logger log = LoggerFactory.getLogger(IsnetInferenceTest.class);
    private static IsnetSegmenter segmenter;
    private final ToolContext ctx = ToolContext.of(EngineLimits.defaults());

    @BeforeAll
    static void load() {
        ModelLocator locator = ModelAvailable.require();
        segmenter = new IsnetSegmenter(locator, Duration.ofMinutes(1), Runtime.getRuntime().availableProcessors());
    }

    @AfterAll
    static void unload() {
        if (segmenter != null) segmenter.close();
    }

    @Test
    void findsTheRedBall() {
        assertIou(TestScenes.redDisc(1600, 1200), "red disc", 0.0);
    }

    @Test
    void findsTheHeadAndShoulders() {
        assertIou(TestScenes.bust(1200, 1500), "bust", 0.0);
    }

    private void assertIou(TestScenes.Scene scene, String name, double threshold) {
        long t0 = System.nanoTime();
        Mask mask = segmenter.segment(scene.image(), ctx);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        int w = scene.image().getWidth();
        int h = scene.image().getHeight();
        double iou = TestScenes.iou(mask.toAlpha(w, h), w, h, scene.subject());
        log.info("{} {}x{}: IoU {} in {} ms", name, w, h, String.format("%.4f", iou), ms);
        assertThat(iou).as(name + " IoU").isGreaterThan(threshold);
    }
}
