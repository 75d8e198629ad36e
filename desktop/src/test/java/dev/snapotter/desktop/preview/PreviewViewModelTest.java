package dev.snapotter.desktop.preview;

import dev.snapotter.desktop.support.FakeBackend;
import dev.snapotter.desktop.support.Recorder;
import dev.snapotter.desktop.task.DirectTaskExecutor;
import dev.snapotter.engine.pipeline.Pipeline;
import dev.snapotter.engine.pipeline.PipelineStep;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PreviewViewModelTest {

    private final FakeBackend backend = new FakeBackend();
    private final DirectTaskExecutor executor = new DirectTaskExecutor(new Recorder());
    private final PreviewViewModel victim = new PreviewViewModel(() -> backend, executor, Duration.ofMillis(120));
    private final Pipeline resize = Pipeline.of(new PipelineStep("resize", Map.of("width", 10)));

    @Test
    void selectingAFileRendersAtOnce() {
        victim.show(Path.of("a.jpg"));
        assertThat(backend.previewCalls).hasSize(1);
        assertThat(victim.beforeProperty().get()).isNotNull();
        assertThat(victim.captionProperty().get()).startsWith("40 × 20 px").contains("preview at 10 %");
        assertThat(victim.messageProperty().get()).isEqualTo("Add a tool to see the result");
    }

    @Test
    void settingChangesAreDebouncedIntoOneRender() {
        victim.show(Path.of("a.jpg"));
        victim.pipelineChanged(resize, true);
        victim.pipelineChanged(resize, true);
        victim.pipelineChanged(resize, true);
        assertThat(backend.previewCalls).hasSize(1);
        assertThat(executor.runScheduled()).isEqualTo(1);
        assertThat(backend.previewCalls).hasSize(2);
        assertThat(victim.afterProperty().get()).isNotNull();
        assertThat(victim.messageProperty().get()).isEmpty();
    }

    @Test
    void anInvalidPipelineShowsOnlyTheOriginalWithAHint() {
        victim.pipelineChanged(resize, false);
        victim.show(Path.of("a.jpg"));
        assertThat(backend.previewCalls.getLast().steps()).isEmpty();
        assertThat(victim.afterProperty().get()).isNull();
        assertThat(victim.messageProperty().get()).contains("Fix the highlighted settings");
    }

    @Test
    void clearingTheSelectionClearsThePreview() {
        victim.show(Path.of("a.jpg"));
        victim.show(null);
        assertThat(victim.beforeProperty().get()).isNull();
        victim.pipelineChanged(resize, true);
        assertThat(executor.runScheduled()).isZero();
    }
}
