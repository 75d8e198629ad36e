package dev.snapotter.desktop.preview;

import dev.snapotter.desktop.backend.Pixels;
import dev.snapotter.desktop.backend.PreviewResult;
import dev.snapotter.desktop.backend.ProcessingBackend;
import dev.snapotter.desktop.task.BackgroundTask;
import dev.snapotter.desktop.task.Lane;
import dev.snapotter.desktop.task.TaskExecutor;
import dev.snapotter.desktop.task.TaskHandle;
import dev.snapotter.engine.batch.CancellationToken;
import dev.snapotter.engine.pipeline.Pipeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Before/after of the selected file on a screen-sized proxy. A new selection renders at once; a
 * settings change renders after a short debounce. Only the newest request matters: older renders are
 * cancelled and their late results dropped (generation counter), so the preview never flickers back.
 */
public final class PreviewViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(PreviewViewModel.class);
    public static final int DEFAULT_PROXY_SIDE = 1600;

    private final Supplier<ProcessingBackend> backend;
    private final TaskExecutor executor;
    private final Duration debounce;
    private final ObjectProperty<Path> source = new SimpleObjectProperty<>();
    private final ObjectProperty<Pixels> before = new SimpleObjectProperty<>();
    private final ObjectProperty<Pixels> after = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("Drop images anywhere, or use Open…");
    private final StringProperty caption = new SimpleStringProperty("");
    private final BooleanProperty rendering = new SimpleBooleanProperty();
    private final IntegerProperty proxySide = new SimpleIntegerProperty(DEFAULT_PROXY_SIDE);
    private final LongProperty lastRenderMillis = new SimpleLongProperty(-1);
    private final IntegerProperty renders = new SimpleIntegerProperty();

    private Pipeline pipeline = Pipeline.of();
    private boolean pipelineValid;
    private long generation;
    private TaskHandle pendingDebounce = TaskHandle.DONE;
    private TaskHandle running = TaskHandle.DONE;
    private CancellationToken runningToken = new CancellationToken();

    public PreviewViewModel(Supplier<ProcessingBackend> backend, TaskExecutor executor, Duration debounce) {
        this.backend = backend;
        this.executor = executor;
        this.debounce = debounce;
    }

    /** Shows a file (null clears); renders immediately. */
    public void show(Path file) {
        source.set(file);
        if (file == null) {
            cancelRunning();
            generation++;
            before.set(null);
            after.set(null);
            caption.set("");
            message.set("Drop images anywhere, or use Open…");
            rendering.set(false);
            return;
        }
        render();
    }

    /** The pipeline changed: re-render after the debounce, unless another change comes first. */
    public void pipelineChanged(Pipeline p, boolean valid) {
        this.pipeline = p;
        this.pipelineValid = valid;
        pendingDebounce.cancel();
        if (source.get() != null) pendingDebounce = executor.schedule(debounce, this::render);
    }

    private void render() {
        pendingDebounce.cancel();
        cancelRunning();
        Path file = source.get();
        if (file == null) return;
        Pipeline p = pipelineValid ? pipeline : Pipeline.of();
        boolean showsAfter = pipelineValid && !pipeline.steps().isEmpty();
        long gen = ++generation;
        long started = System.nanoTime();
        CancellationToken token = new CancellationToken();
        runningToken = token;
        rendering.set(true);
        int side = proxySide.get();
        running = executor.execute(Lane.PREVIEW, BackgroundTask.of("preview " + file.getFileName(),
                        ctx -> backend.get().preview(file, p, side, token))
                .onSuccess(r -> {
                    if (gen != generation) return;
                    apply(r, showsAfter);
                    lastRenderMillis.set((System.nanoTime() - started) / 1_000_000);
                    renders.set(renders.get() + 1);
                    LOG.debug("Preview of {} in {} ms", file.getFileName(), lastRenderMillis.get());
                })
                .onFailure(e -> {
                    if (gen != generation) return;
                    before.set(null);
                    after.set(null);
                    caption.set("");
                    message.set("Cannot preview " + file.getFileName() + ": " + e.getMessage());
                })
                .onFinally(() -> {
                    if (gen == generation) rendering.set(false);
                }));
    }

    private void apply(PreviewResult r, boolean showsAfter) {
        before.set(r.before());
        after.set(r.after());
        caption.set(r.originalWidth() + " × " + r.originalHeight() + " px"
                + (r.proxyScale() < 0.999 ? "  ·  preview at " + Math.round(r.proxyScale() * 100) + " %" : ""));
        if (!showsAfter) {
            message.set(pipeline.steps().isEmpty() ? "Add a tool to see the result" : "Fix the highlighted settings to see the result");
        } else {
            message.set("");
        }
    }

    private void cancelRunning() {
        runningToken.cancel();
        running.cancel();
    }

    public ObjectProperty<Path> sourceProperty() {
        return source;
    }

    public ObjectProperty<Pixels> beforeProperty() {
        return before;
    }

    public ObjectProperty<Pixels> afterProperty() {
        return after;
    }

    /** Why there is no "after" image (or no image at all); empty when both are shown. */
    public StringProperty messageProperty() {
        return message;
    }

    /** Original size and proxy scale, e.g. "6000 × 4000 px · preview at 27 %". */
    public StringProperty captionProperty() {
        return caption;
    }

    public BooleanProperty renderingProperty() {
        return rendering;
    }

    /** Longer side of the proxy; the view sets it from the screen size. */
    public IntegerProperty proxySideProperty() {
        return proxySide;
    }

    public LongProperty lastRenderMillisProperty() {
        return lastRenderMillis;
    }

    /** Counts completed renders (metrics and tests wait on it). */
    public IntegerProperty rendersProperty() {
        return renders;
    }
}
