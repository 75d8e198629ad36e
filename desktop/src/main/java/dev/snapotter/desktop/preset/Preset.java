package dev.snapotter.desktop.preset;

import dev.snapotter.desktop.output.OutputSettings;
import dev.snapotter.engine.pipeline.Pipeline;

/**
 * A named, shareable recipe: pipeline + output settings.
 *
 * @param output null when the file was a bare pipeline document (then the current output settings stay)
 */
public record Preset(String name, Pipeline pipeline, OutputSettings output) {
}
