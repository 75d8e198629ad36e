package dev.snapotter.desktop.output;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OutputViewModelTest {

    private final OutputViewModel victim = new OutputViewModel(new EngineNamePreview());

    @Test
    void theExampleFollowsTheTemplateLive() {
        victim.sampleInputProperty().set(Path.of("/photos/IMG_1.jpg"));
        victim.toolChainProperty().set("resize");
        victim.nameTemplateProperty().set("{name}-{tool}.{ext}");
        assertThat(victim.exampleProperty().get()).isEqualTo(Path.of("snapotter", "IMG_1-resize.jpg").toString());
    }

    @Test
    void aTemplateThatWouldLeaveTheFolderIsRefusedWithTheEnginesReason() {
        victim.sampleInputProperty().set(Path.of("/photos/IMG_1.jpg"));
        victim.nameTemplateProperty().set("../{name}.{ext}");
        assertThat(victim.exampleProperty().get()).isEmpty();
        assertThat(victim.problemProperty().get()).contains("path separators");
    }

    @Test
    void folderModeNeedsAFolder() {
        victim.modeProperty().set(OutputMode.FOLDER);
        assertThat(victim.problemProperty().get()).isEqualTo("Choose an output folder.");
        victim.folderProperty().set("/tmp/out");
        assertThat(victim.problemProperty().get()).isEmpty();
    }

    @Test
    void aSubfolderNameMustBePlain() {
        victim.subfolderNameProperty().set("../escape");
        assertThat(victim.problemProperty().get()).contains("plain folder name");
    }

    @Test
    void besideOriginalsGroupsInputsByTheirFolder() {
        var plan = OutputPlanner.plan(List.of(Path.of("/a/1.jpg"), Path.of("/b/2.jpg"), Path.of("/a/3.jpg")), OutputSettings.DEFAULT);
        assertThat(plan).containsOnlyKeys(Path.of("/a/snapotter"), Path.of("/b/snapotter"));
        assertThat(plan.get(Path.of("/a/snapotter"))).containsExactly(Path.of("/a/1.jpg"), Path.of("/a/3.jpg"));
    }

    @Test
    void loadRestoresEverySetting() {
        OutputSettings s = new OutputSettings(OutputMode.FOLDER, "x", "/o", "{index}.{ext}",
                dev.snapotter.engine.batch.ConflictPolicy.OVERWRITE, false);
        victim.load(s);
        assertThat(victim.settings()).isEqualTo(s);
    }
}
