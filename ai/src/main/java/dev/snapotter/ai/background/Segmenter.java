package dev.snapotter.ai.background;

import dev.snapotter.engine.tool.ToolContext;

import java.awt.image.BufferedImage;

/** Finds the salient foreground of a picture. */
public interface Segmenter extends AutoCloseable {

    /**
     * @return a soft mask in the segmenter's own resolution (callers scale it)
     * @throws dev.snapotter.ai.model.ModelNotInstalledException when the model is missing
     */
    Mask segment(BufferedImage image, ToolContext context);

    /** Releases the model (a later {@link #segment} loads it again). */
    @Override
    void close();
}
