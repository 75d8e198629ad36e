package dev.snapotter.desktop.pipeline;

import dev.snapotter.desktop.support.FakeBackend;
import dev.snapotter.engine.pipeline.Pipeline;
import dev.snapotter.engine.pipeline.PipelineJson;
import dev.snapotter.engine.pipeline.PipelineStep;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PipelineViewModelTest {

    private final PipelineViewModel victim = new PipelineViewModel(new FakeBackend());

    @Test
    void formsAreGeneratedFromTheEngineDescriptors() {
        StepViewModel step = victim.addTool("resize");
        assertThat(step.fields()).extracting(FieldViewModel::name)
                .containsExactlyElementsOf(step.tool().params().stream().map(p -> p.name()).toList());
        assertThat(step.field("fit").valueProperty().get()).isEqualTo("contain");
    }

    @Test
    void anEmptyPipelineIsInvalidWithAHint() {
        assertThat(victim.isValid()).isFalse();
        assertThat(victim.pipelineErrorProperty().get()).contains("Add a tool");
    }

    @Test
    void crossFieldRuleFromTheEngineShowsOnTheFieldAndBlocksRun() {
        StepViewModel step = victim.addTool("resize");
        assertThat(victim.isValid()).isFalse();
        assertThat(step.field("width").errorProperty().get()).isEqualTo("set width, height or percentage");

        step.field("width").valueProperty().set("800");
        assertThat(victim.isValid()).isTrue();
        assertThat(step.field("width").errorProperty().get()).isEmpty();
    }

    @Test
    void outOfRangeAndNonNumericValuesGetTheEngineMessages() {
        StepViewModel step = victim.addTool("resize");
        step.field("width").valueProperty().set("99999");
        assertThat(step.field("width").errorProperty().get()).isEqualTo("must be ≤ 16383");
        step.field("width").valueProperty().set("12.5x");
        assertThat(step.field("width").errorProperty().get()).isEqualTo("must be a whole number");
        assertThat(victim.isValid()).isFalse();
    }

    @Test
    void errorsAreRoutedToTheRightStep() {
        StepViewModel first = victim.addTool("resize");
        first.field("width").valueProperty().set("640");
        StepViewModel second = victim.addTool("resize");
        assertThat(first.field("width").errorProperty().get()).isEmpty();
        assertThat(second.field("width").errorProperty().get()).isNotEmpty();
    }

    @Test
    void thePipelineIsWrittenWithRealNumbers() {
        victim.addTool("resize").field("width").valueProperty().set("800");
        String json = PipelineJson.write(victim.pipeline());
        assertThat(json).contains("\"width\" : 800").doesNotContain("\"800\"");
    }

    @Test
    void reorderAndRemove() {
        victim.addTool("resize");
        StepViewModel rotate = victim.addTool("rotate");
        victim.move(rotate, -1);
        assertThat(victim.steps()).extracting(s -> s.tool().id()).containsExactly("rotate", "resize");
        victim.remove(rotate);
        assertThat(victim.steps()).extracting(s -> s.tool().id()).containsExactly("resize");
    }

    @Test
    void loadingAPipelineWithAnUnknownToolChangesNothing() {
        victim.addTool("rotate");
        Pipeline foreign = Pipeline.of(new PipelineStep("resize", Map.of("width", 10)), new PipelineStep("teleport", Map.of()));
        assertThatThrownBy(() -> victim.load(foreign)).hasMessageContaining("teleport");
        assertThat(victim.steps()).extracting(s -> s.tool().id()).containsExactly("rotate");
    }

    @Test
    void unknownImportedSettingsAreKeptAndReportedOnTheStep() {
        victim.load(Pipeline.of(new PipelineStep("resize", Map.of("width", 10, "widht", 20))));
        StepViewModel step = victim.steps().getFirst();
        assertThat(step.stepErrorProperty().get()).contains("widht");
        assertThat(victim.pipeline().steps().getFirst().settings()).containsKey("widht");
        assertThat(victim.isValid()).isFalse();
    }

    @Test
    void everyEditPublishesANewPipeline() {
        StepViewModel step = victim.addTool("resize");
        Pipeline before = victim.pipeline();
        step.field("height").valueProperty().set("300");
        assertThat(victim.pipeline()).isNotSameAs(before);
        assertThat(victim.pipeline().steps().getFirst().settings()).containsEntry("height", 300L);
    }
}
