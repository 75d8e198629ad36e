package dev.snapotter.desktop.run;

import dev.snapotter.desktop.backend.BackendKind;
import dev.snapotter.desktop.backend.BackendSelectorViewModel;
import dev.snapotter.desktop.backend.UnavailableBackend;
import dev.snapotter.desktop.notice.NoticeCenter;
import dev.snapotter.desktop.output.EngineNamePreview;
import dev.snapotter.desktop.output.OutputViewModel;
import dev.snapotter.desktop.pipeline.PipelineViewModel;
import dev.snapotter.desktop.queue.ItemStatus;
import dev.snapotter.desktop.queue.QueueViewModel;
import dev.snapotter.desktop.support.FakeBackend;
import dev.snapotter.desktop.support.Recorder;
import dev.snapotter.desktop.task.DirectTaskExecutor;
import dev.snapotter.engine.batch.FileOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RunViewModelTest {

    @TempDir
    Path dir;
    private final FakeBackend backend = new FakeBackend();
    private final DirectTaskExecutor executor = new DirectTaskExecutor(new Recorder());
    private final NoticeCenter notices = new NoticeCenter();
    private final List<Path> opened = new ArrayList<>();
    private QueueViewModel queue;
    private PipelineViewModel pipeline;
    private OutputViewModel output;
    private BackendSelectorViewModel backends;
    private RunViewModel victim;

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(dir.resolve("a.jpg"), "x");
        Files.writeString(dir.resolve("b.jpg"), "x");
        queue = new QueueViewModel(() -> backend, executor, notices, f -> false);
        pipeline = new PipelineViewModel(backend);
        output = new OutputViewModel(new EngineNamePreview());
        backends = new BackendSelectorViewModel(List.of(backend,
                new UnavailableBackend(BackendKind.REMOTE_SERVER, "Remote server: not available yet")));
        victim = new RunViewModel(queue, pipeline, output, backends, executor, notices, opened::add);
    }

    private void readyToRun() {
        queue.addPaths(List.of(dir.resolve("a.jpg"), dir.resolve("b.jpg")));
        pipeline.addTool("resize").field("width").valueProperty().set("100");
    }

    @Test
    void runIsDisabledWithAReasonUntilEverythingIsReady() {
        assertThat(victim.canRunProperty().get()).isFalse();
        assertThat(victim.blockedReasonProperty().get()).isEqualTo("Add images to the queue first.");
        queue.addPaths(List.of(dir.resolve("a.jpg")));
        assertThat(victim.blockedReasonProperty().get()).isEqualTo("Add a tool to the pipeline.");
        pipeline.addTool("resize");
        assertThat(victim.blockedReasonProperty().get()).isEqualTo("Fix the highlighted settings.");
        pipeline.steps().getFirst().field("width").valueProperty().set("100");
        assertThat(victim.canRunProperty().get()).isTrue();
        backends.selectedProperty().set(BackendKind.REMOTE_SERVER);
        assertThat(victim.canRunProperty().get()).isFalse();
        assertThat(victim.blockedReasonProperty().get()).contains("not available yet");
    }

    @Test
    void aRunUpdatesRowsAndListsFailuresWithReasons() {
        readyToRun();
        backend.outcome = in -> in.getFileName().toString().equals("b.jpg")
                ? FileOutcome.failed(in, "corrupt JPEG data")
                : FileOutcome.done(in, in.resolveSibling("snapotter/" + in.getFileName()));
        victim.start();
        assertThat(queue.items()).extracting(i -> i.status()).containsExactly(ItemStatus.DONE, ItemStatus.FAILED);
        assertThat(queue.items().get(1).messageProperty().get()).isEqualTo("corrupt JPEG data");
        assertThat(victim.failures()).singleElement().satisfies(f -> assertThat(f.reason()).isEqualTo("corrupt JPEG data"));
        assertThat(victim.progressProperty().get()).isEqualTo(1.0);
        assertThat(victim.statusProperty().get()).startsWith("Done — 1 written, 1 failed");
        assertThat(victim.runningProperty().get()).isFalse();
        assertThat(queue.lockedProperty().get()).isFalse();
        assertThat(backend.batchCalls).singleElement().satisfies(job -> {
            assertThat(job.outputDir()).isEqualTo(dir.toAbsolutePath().resolve("snapotter"));
            assertThat(job.inputs()).hasSize(2);
        });
    }

    @Test
    void openOutputFolderRunsInTheBackgroundOnTheFolderOfTheRun() {
        readyToRun();
        victim.start();
        victim.openOutputFolder();
        assertThat(opened).containsExactly(dir.toAbsolutePath().resolve("snapotter"));
    }

    @Test
    void strippingMetadataAppendsTheEngineToolOrRefusesClearly() {
        readyToRun();
        output.keepMetadataProperty().set(false);
        victim.start();
        if (pipeline.descriptor("strip-metadata").isPresent()) {
            assertThat(backend.batchCalls.getFirst().pipeline().steps().getLast().toolId()).isEqualTo("strip-metadata");
        } else {
            assertThat(backend.batchCalls).isEmpty();
            assertThat(notices.latestProperty().get().text()).contains("strip-metadata");
        }
    }

    @Test
    void etaIsSilentAtFirstThenProportional() {
        EtaEstimator eta = new EtaEstimator(10, 0);
        assertThat(eta.remaining(1, 1_000_000_000L)).isNull();
        assertThat(eta.remaining(2, 2_000_000_000L)).hasSeconds(8);
        assertThat(EtaEstimator.format(java.time.Duration.ofSeconds(8))).isEqualTo("about 8 s left");
        assertThat(EtaEstimator.format(java.time.Duration.ofSeconds(150))).isEqualTo("about 3 min left");
    }

    @Test
    void folderOpenerCommandPerPlatform() {
        assertThat(SystemFolderOpener.commandFor("Linux", Path.of("/x"))).containsExactly("xdg-open", "/x");
        assertThat(SystemFolderOpener.commandFor("Mac OS X", Path.of("/x")).getFirst()).isEqualTo("open");
        assertThat(SystemFolderOpener.commandFor("Windows 11", Path.of("/x")).getFirst()).isEqualTo("explorer.exe");
    }
}
