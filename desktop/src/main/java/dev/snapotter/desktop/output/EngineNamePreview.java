package dev.snapotter.desktop.output;

import java.nio.file.Path;

/** Placeholder until the engine's NameTemplate lands; replaced by a call into the engine. */
public final class EngineNamePreview implements NamePreview {

    @Override
    public String render(String template, Path input, String toolChain, String outputExtension, int index) {
        String file = input.getFileName().toString();
        int dot = file.lastIndexOf('.');
        String name = dot > 0 ? file.substring(0, dot) : file;
        String ext = outputExtension != null ? outputExtension : dot > 0 ? file.substring(dot + 1) : "";
        return template.replace("{name}", name).replace("{ext}", ext).replace("{index}", Integer.toString(index)).replace("{tool}", toolChain);
    }
}
