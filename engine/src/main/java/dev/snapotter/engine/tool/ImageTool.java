package dev.snapotter.engine.tool;

import dev.snapotter.engine.codec.Picture;

/** A tool that turns one picture into another. Must not mutate its input's pixels. */
public non-sealed interface ImageTool extends Tool {

    Picture apply(Picture input, Settings settings, ToolContext context);
}
