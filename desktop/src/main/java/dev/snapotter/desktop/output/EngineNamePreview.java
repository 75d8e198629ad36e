package dev.snapotter.desktop.output;

import dev.snapotter.engine.batch.NameTemplate;
import dev.snapotter.engine.tool.InvalidSettingsException;

import java.nio.file.Path;

/** Renders the live example with the engine's own {@link NameTemplate}, so the preview is exactly what the batch writes. */
public final class EngineNamePreview implements NamePreview {

    @Override
    public String render(String template, Path input, String toolChain, String outputExtension, int index) {
        String file = input.getFileName().toString();
        int dot = file.lastIndexOf('.');
        String ext = outputExtension != null ? outputExtension : dot > 0 ? file.substring(dot + 1) : "png";
        try {
            return NameTemplate.parse(template).render(file, ext, index, toolChain);
        } catch (InvalidSettingsException e) {
            String message = e.errors().isEmpty() ? e.getMessage() : e.errors().getFirst().message();
            throw new IllegalArgumentException("Name template " + message, e);
        }
    }
}
