package dev.snapotter.engine.tools;

import dev.snapotter.engine.tool.ImageTool;
import dev.snapotter.engine.tool.ParamSpec;
import dev.snapotter.engine.tool.Tool;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every tool of this part is in the catalogue once, fully described, with defaults inside their ranges. */
class ToolDescriptionsTest {

    private static final List<String> IDS = List.of("resize", "crop", "rotate", "adjust-colors", "sharpening", "border", "watermark-text");

    @Test
    void catalogueListsEachToolWithFullDescriptions() {
        Map<String, Tool> byId = new java.util.HashMap<>();
        for (Tool t : BuiltInTools.all()) byId.put(t.descriptor().id(), t);
        for (String id : IDS) {
            Tool tool = byId.get(id);
            assertThat(tool).as(id).isInstanceOf(ImageTool.class);
            assertThat(tool.descriptor().pipelineCapable()).isTrue();
            for (ParamSpec p : tool.descriptor().params()) {
                assertThat(p.help()).as(id + "." + p.name()).isNotBlank();
                assertThat(p.label()).as(id + "." + p.name()).isNotBlank();
                if (p.defaultValue() instanceof Number d && p.min() != null) assertThat(d.doubleValue()).isGreaterThanOrEqualTo(p.min().doubleValue());
                if (p.defaultValue() instanceof Number d && p.max() != null) assertThat(d.doubleValue()).isLessThanOrEqualTo(p.max().doubleValue());
                if (!p.options().isEmpty()) assertThat(p.options()).contains((String) p.defaultValue());
            }
        }
    }
}
