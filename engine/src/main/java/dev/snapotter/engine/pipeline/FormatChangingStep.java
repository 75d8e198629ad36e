package dev.snapotter.engine.pipeline;

import dev.snapotter.engine.codec.ImageFormat;
import dev.snapotter.engine.tool.Settings;

/**
 * A tool that sets the output format (convert). Lets the batch runner predict output names
 * before any pixel work, so conflicts are resolved up front.
 */
public interface FormatChangingStep {

    ImageFormat outputFormat(Settings settings, ImageFormat current);
}
