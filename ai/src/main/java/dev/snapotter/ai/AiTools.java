package dev.snapotter.ai;

import dev.snapotter.ai.background.IsnetSegmenter;
import dev.snapotter.ai.background.RemoveBackgroundTool;
import dev.snapotter.ai.model.ModelLocator;
import dev.snapotter.engine.tool.Tool;
import dev.snapotter.engine.tool.ToolCatalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How AI tools join a catalogue without the engine depending on ONNX Runtime:
 * {@code new ImageEngine(codec, AiTools.withAiTools(BuiltInTools.catalog(), locator), limits)}.
 * The tools are always listed; running one whose model is missing throws
 * {@link dev.snapotter.ai.model.ModelNotInstalledException}.
 */
public final class AiTools implements AutoCloseable {

    /** A loaded model is dropped after this long unused. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);

    private final RemoveBackgroundTool removeBackground;

    public AiTools(ModelLocator locator, Duration idleTimeout, int threads) {
        this.removeBackground = new RemoveBackgroundTool(new IsnetSegmenter(locator, idleTimeout, threads));
    }

    /** Default idle timeout, one intra-op thread per core. */
    public static AiTools create(ModelLocator locator) {
        return new AiTools(locator, DEFAULT_IDLE_TIMEOUT, Runtime.getRuntime().availableProcessors());
    }

    public List<Tool> tools() {
        return List.of(removeBackground);
    }

    /** {@code base}'s tools followed by the AI tools (ids must not clash). */
    public ToolCatalog extend(ToolCatalog base) {
        List<Tool> all = new ArrayList<>(base.all());
        all.addAll(tools());
        return new ToolCatalog(all);
    }

    /** Convenience for callers that never unload models explicitly. */
    public static ToolCatalog withAiTools(ToolCatalog base, ModelLocator locator) {
        return create(locator).extend(base);
    }

    /** Unloads every model. */
    @Override
    public void close() {
        removeBackground.close();
    }
}
