package dev.snapotter.ai.background;

import dev.snapotter.ai.AiTools;
import dev.snapotter.ai.model.ModelLocator;
import dev.snapotter.ai.model.ModelNotInstalledException;
import dev.snapotter.engine.EngineLimits;
import dev.snapotter.engine.codec.ImageFormat;
import dev.snapotter.engine.codec.ImageMetadata;
import dev.snapotter.engine.codec.OutputSpec;
import dev.snapotter.engine.codec.Picture;
import dev.snapotter.engine.tool.FieldError;
import dev.snapotter.engine.tool.InvalidSettingsException;
import dev.snapotter.engine.tool.Settings;
import dev.snapotter.engine.tool.ToolCatalog;
import dev.snapotter.engine.tool.ToolContext;
import dev.snapotter.engine.tools.BuiltInTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tool around the model, with a segmenter that returns a known mask (left half = subject). */
class RemoveBackgroundToolTest {

    private static final ToolContext CTX = ToolContext.of(EngineLimits.defaults());

    /** Subject = left half of whatever it is shown, in a 4×4 mask (as ISNet's own output is smaller than the picture). */
    private static final class LeftHalf implements Segmenter {
        @Override
        public Mask segment(BufferedImage image, ToolContext context) {
            float[] v = new float[16];
            for (int y = 0; y < 4; y++) {
                v[y * 4] = 1f;
                v[y * 4 + 1] = 1f;
            }
            return new Mask(v, 4, 4);
        }

        @Override
        public void close() {
        }
    }

    private final RemoveBackgroundTool tool = new RemoveBackgroundTool(new LeftHalf());

    private static Picture jpegPicture() {
        BufferedImage img = new BufferedImage(40, 20, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 20; y++) for (int x = 0; x < 40; x++) img.setRGB(x, y, 0x336699);
        return new Picture(img, ImageMetadata.NONE, OutputSpec.of(ImageFormat.JPEG).withQuality(90));
    }

    @Test
    void defaultsAreTransparentWhiteAndNoMask() {
        Settings s = tool.validate(Map.of());
        assertThat(s.asMap()).containsEntry("backgroundType", "transparent")
                .containsEntry("backgroundColor", "#ffffff").containsEntry("returnMask", false);
    }

    @Test
    void refusesBadSettingsWithFieldErrors() {
        assertThatThrownBy(() -> tool.validate(Map.of("backgroundType", "gradient", "backgroundColor", "red", "blur", 3)))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::path)
                        .containsExactlyInAnyOrder("backgroundType", "backgroundColor", "blur"));
    }

    @Test
    void transparentCutOutOfAJpegIsWrittenAsPng() {
        Picture out = tool.apply(jpegPicture(), tool.validate(Map.of()), CTX);
        assertThat(out.output().format()).isEqualTo(ImageFormat.PNG);
        assertThat(out.output().quality()).isEqualTo(90);
        assertThat(out.width()).isEqualTo(40);
        assertThat(out.pixels().getRGB(2, 10)).isEqualTo(0xff336699);
        assertThat(out.pixels().getRGB(37, 10) >>> 24).isZero();
    }

    @Test
    void formatsWithAlphaAreKept() {
        assertThat(RemoveBackgroundTool.outputFor(OutputSpec.of(ImageFormat.WEBP), true).format()).isEqualTo(ImageFormat.WEBP);
        assertThat(RemoveBackgroundTool.outputFor(OutputSpec.of(ImageFormat.GIF), true).format()).isEqualTo(ImageFormat.PNG);
        assertThat(RemoveBackgroundTool.outputFor(OutputSpec.of(ImageFormat.JPEG), false).format()).isEqualTo(ImageFormat.JPEG);
    }

    @Test
    void opaqueColourBackgroundKeepsTheJpegFormat() {
        Picture out = tool.apply(jpegPicture(), tool.validate(Map.of("backgroundType", "color", "backgroundColor", "#FF0000")), CTX);
        assertThat(out.output().format()).isEqualTo(ImageFormat.JPEG);
        assertThat(out.pixels().getRGB(37, 10)).isEqualTo(0xffff0000);
        assertThat(out.pixels().getRGB(2, 10)).isEqualTo(0xff336699);
    }

    @Test
    void returnMaskGivesAGreyPngAtTheOriginalSizeWithoutTheColourProfile() {
        Picture in = jpegPicture();
        in = in.withMetadata(new ImageMetadata(new byte[]{1, 2, 3}, null, null, false));
        Picture out = tool.apply(in, tool.validate(Map.of("returnMask", true)), CTX);
        assertThat(out.metadata().icc()).isNull();
        assertThat(out.output().format()).isEqualTo(ImageFormat.PNG);
        assertThat(out.pixels().getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(out.pixels().getRaster().getSample(1, 1, 0)).isEqualTo(255);
        assertThat(out.pixels().getRaster().getSample(38, 18, 0)).isZero();
    }

    @Test
    void aCancelledJobStopsBeforeTheModelRuns() {
        ToolContext cancelled = new ToolContext(EngineLimits.defaults(), () -> true);
        assertThatThrownBy(() -> tool.apply(jpegPicture(), tool.validate(Map.of()), cancelled))
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void withoutTheModelTheRealToolThrowsATypedError(@TempDir Path empty) {
        try (AiTools ai = AiTools.create(new ModelLocator(empty))) {
            RemoveBackgroundTool real = (RemoveBackgroundTool) ai.tools().getFirst();
            assertThatThrownBy(() -> real.apply(jpegPicture(), real.validate(Map.of()), CTX))
                    .isInstanceOf(ModelNotInstalledException.class)
                    .hasMessageContaining("background-removal")
                    .hasMessageContaining("isnet-small.onnx")
                    .satisfies(e -> assertThat(((ModelNotInstalledException) e).sizeBytes()).isEqualTo(44_342_436L));
        }
    }

    @Test
    void joinsACatalogueAfterItsTools(@TempDir Path empty) {
        ToolCatalog base = BuiltInTools.catalog();
        ToolCatalog extended = AiTools.withAiTools(base, new ModelLocator(empty));
        assertThat(extended.find("remove-background")).isPresent();
        assertThat(extended.pipelineToolIds()).contains("remove-background");
        assertThat(extended.descriptors().getLast().category()).isEqualTo("ai");
        assertThat(extended.all()).hasSize(base.all().size() + 1);
    }
}
