package dev.snapotter.desktop.output;

import java.nio.file.Path;

/** Renders an output file name the way the engine's batch will, for the live example under the template field. */
@FunctionalInterface
public interface NamePreview {

    /**
     * @throws IllegalArgumentException with a user-facing message when the template is not valid
     */
    String render(String template, Path input, String toolChain, String outputExtension, int index);
}
