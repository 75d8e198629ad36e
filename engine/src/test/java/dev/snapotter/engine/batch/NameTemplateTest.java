package dev.snapotter.engine.batch;

import dev.snapotter.engine.tool.InvalidSettingsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NameTemplateTest {

    @Test
    void tokensAreReplaced() {
        NameTemplate t = NameTemplate.parse("{index}-{name}-{tool}.{ext}");
        assertThat(t.render("holiday photo.jpeg", "png", 7, "resize-convert")).isEqualTo("7-holiday photo-resize-convert.png");
    }

    @Test
    void defaultTemplateKeepsTheNameAndUsesTheOutputExtension() {
        assertThat(NameTemplate.parse(null).render("a.b.jpg", "png", 1, "convert")).isEqualTo("a.b.png");
    }

    @Test
    void theExtensionIsAppendedWhenTheTemplateLeavesItOut() {
        assertThat(NameTemplate.parse("{name}_small").render("cat.jpg", "jpg", 1, "resize")).isEqualTo("cat_small.jpg");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../{name}.{ext}", "out/{name}", "{name}\\x", "{name}..{ext}", "{nme}.{ext}", "{name.{ext}", "{name}}"})
    void unsafeOrBrokenTemplatesAreRefused(String template) {
        assertThatThrownBy(() -> NameTemplate.parse(template)).isInstanceOfSatisfying(InvalidSettingsException.class,
                e -> assertThat(e.errors().getFirst().path()).isEqualTo("nameTemplate"));
    }

    @Test
    void renderedNamesAreSanitised() {
        NameTemplate t = NameTemplate.parse("{name}.{ext}");
        assertThat(t.render("what?*<>|:\".jpg", "jpg", 1, "x")).isEqualTo("what_______.jpg");
        assertThat(t.render(".hidden.jpg", "jpg", 1, "x")).isEqualTo("_hidden.jpg");
        assertThat(t.render("CON.jpg", "jpg", 1, "x")).isEqualTo("_CON.jpg");
        assertThat(t.render("tab\there.jpg", "jpg", 1, "x")).isEqualTo("tab_here.jpg");
        assertThat(t.render("x".repeat(300) + ".jpg", "jpg", 1, "x")).hasSize(NameTemplate.MAX_NAME_LENGTH).endsWith(".jpg");
    }

    @Test
    void aNameThatSanitisesToNothingGetsAFallback() {
        assertThat(NameTemplate.parse("{name}.{ext}").render("...jpg", "jpg", 1, "x")).doesNotStartWith(".").endsWith(".jpg");
    }
}
