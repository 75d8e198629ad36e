package dev.snapotter.desktop.ui;

import dev.snapotter.desktop.output.OutputMode;
import dev.snapotter.desktop.output.OutputSettings;
import dev.snapotter.engine.batch.ConflictPolicy;
import dev.snapotter.engine.pipeline.Pipeline;
import dev.snapotter.engine.pipeline.PipelineJson;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Export → change everything → import restores pipeline and output settings; the file holds a server-compatible pipeline. */
@ExtendWith(ApplicationExtension.class)
class PresetRoundTripTest {

    @TempDir
    Path work;
    private AppHarness app;

    @Start
    void start(Stage stage) {
        app = new AppHarness(stage);
    }

    @Test
    void aPresetRoundTripsThroughExportAndImport(FxRobot robot) throws Exception {
        var main = app.ctx.main();
        OutputSettings output = new OutputSettings(OutputMode.FOLDER, "snapotter", work.resolve("web").toString(),
                "{name}-web.{ext}", ConflictPolicy.SKIP, true);
        robot.clickOn("#add-tool").clickOn("Resize");
        robot.clickOn("#field-0-width").write("1600");
        robot.clickOn("#add-tool").clickOn("Sharpen");
        WaitForAsyncUtils.asyncFx(() -> main.output().load(output)).get();
        Pipeline built = main.pipeline().pipeline();
        Path file = work.resolve("Web 1600.json");

        WaitForAsyncUtils.asyncFx(() -> main.presets().exportTo(file)).get();
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(file));
        String json = Files.readString(file);
        assertThat(json).contains("\"format\" : \"snapotter-preset\"");
        var pipelineOnly = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("pipeline").toString();
        assertThat(PipelineJson.write(PipelineJson.parse(pipelineOnly))).isEqualTo(PipelineJson.write(built));

        WaitForAsyncUtils.asyncFx(() -> {
            main.pipeline().clear();
            main.output().load(OutputSettings.DEFAULT);
        }).get();
        assertThat(main.pipeline().steps()).isEmpty();

        WaitForAsyncUtils.asyncFx(() -> main.presets().importFrom(file)).get();
        await().atMost(Duration.ofSeconds(10)).until(() -> main.pipeline().steps().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(PipelineJson.write(main.pipeline().pipeline())).isEqualTo(PipelineJson.write(built));
        assertThat(main.output().settings()).isEqualTo(output);
        assertThat(main.presets().currentNameProperty().get()).isEqualTo("Web 1600");
        assertThat(main.presets().recent()).first().isEqualTo(file.toAbsolutePath().normalize());
        assertThat(robot.lookup("#field-0-width").queryTextInputControl().getText()).isEqualTo("1600");
        assertThat(app.unhandled).isEmpty();
    }
}
