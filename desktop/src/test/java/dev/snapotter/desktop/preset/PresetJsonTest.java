package dev.snapotter.desktop.preset;

import dev.snapotter.desktop.output.OutputMode;
import dev.snapotter.desktop.output.OutputSettings;
import dev.snapotter.engine.batch.ConflictPolicy;
import dev.snapotter.engine.pipeline.Pipeline;
import dev.snapotter.engine.pipeline.PipelineStep;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PresetJsonTest {

    private final Preset preset = new Preset("Web", Pipeline.of(new PipelineStep("resize", Map.of("width", 1600)),
            new PipelineStep("rotate", Map.of("angle", 90))),
            new OutputSettings(OutputMode.FOLDER, "x", "/out", "{name}-web.{ext}", ConflictPolicy.SKIP, false));

    @Test
    void roundTrips() throws Exception {
        String json = PresetJson.write(preset);
        assertThat(json).contains("\"format\" : \"snapotter-preset\"").contains("\"steps\"");
        Preset back = PresetJson.parse(json, "ignored");
        assertThat(back.name()).isEqualTo("Web");
        assertThat(back.output()).isEqualTo(preset.output());
        assertThat(back.pipeline().steps()).extracting(PipelineStep::toolId).containsExactly("resize", "rotate");
        assertThat(back.pipeline().steps().getFirst().settings()).containsEntry("width", 1600);
    }

    @Test
    void aBarePipelineDocumentFromTheServerOrCliIsAccepted() throws Exception {
        Preset p = PresetJson.parse("{\"steps\":[{\"toolId\":\"resize\",\"settings\":{\"width\":100}}]}", "from-cli");
        assertThat(p.name()).isEqualTo("from-cli");
        assertThat(p.output()).isNull();
        assertThat(p.pipeline().steps()).hasSize(1);
    }

    @Test
    void foreignOrBrokenFilesAreRefusedWithAReason() {
        assertThatThrownBy(() -> PresetJson.parse("", "x")).hasMessageContaining("empty");
        assertThatThrownBy(() -> PresetJson.parse("{\"hello\":1}", "x")).hasMessageContaining("not a SnapOtter preset");
        assertThatThrownBy(() -> PresetJson.parse("[1,2]", "x")).hasMessageContaining("not a preset");
        assertThatThrownBy(() -> PresetJson.parse("{\"format\":\"snapotter-preset\",\"version\":99,\"pipeline\":{\"steps\":[]}}", "x"))
                .hasMessageContaining("newer");
        assertThatThrownBy(() -> PresetJson.parse("{\"format\":\"snapotter-preset\",\"version\":1,\"pipeline\":{\"steps\":5}}", "x"))
                .isInstanceOf(PresetFormatException.class).hasMessageContaining("pipeline");
        assertThatThrownBy(() -> PresetJson.parse("{\"steps\":[] } trailing", "x")).hasMessageContaining("not valid JSON");
    }
}
