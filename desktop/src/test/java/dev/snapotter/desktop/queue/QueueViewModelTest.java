package dev.snapotter.desktop.queue;

import dev.snapotter.desktop.notice.Notice;
import dev.snapotter.desktop.notice.NoticeCenter;
import dev.snapotter.desktop.support.FakeBackend;
import dev.snapotter.desktop.support.Recorder;
import dev.snapotter.desktop.task.DirectTaskExecutor;
import dev.snapotter.engine.ImageException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QueueViewModelTest {

    @TempDir
    Path dir;
    private final FakeBackend backend = new FakeBackend();
    private final NoticeCenter notices = new NoticeCenter();
    private final List<List<Path>> asked = new ArrayList<>();
    private boolean includeSubfolders;
    private QueueViewModel victim;

    @BeforeEach
    void setUp() throws IOException {
        Files.writeString(dir.resolve("b.png"), "x");
        Files.writeString(dir.resolve("a.jpg"), "x");
        Files.writeString(dir.resolve("notes.txt"), "x");
        Files.writeString(dir.resolve(".DS_Store"), "x");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/c.jpeg"), "x");
        victim = new QueueViewModel(() -> backend, new DirectTaskExecutor(new Recorder()), notices, folders -> {
            asked.add(folders);
            return includeSubfolders;
        });
    }

    private List<String> names() {
        return victim.items().stream().map(QueueItem::name).toList();
    }

    @Test
    void aDroppedFolderAsksAboutSubfoldersAndReportsUnsupportedFilesByName() {
        victim.addPaths(List.of(dir));
        assertThat(asked).containsExactly(List.of(dir));
        assertThat(names()).containsExactly("a.jpg", "b.png");
        Notice n = notices.latestProperty().get();
        assertThat(n.level()).isEqualTo(Notice.Level.WARNING);
        assertThat(n.title()).isEqualTo("Skipped 1 unsupported file");
        assertThat(n.text()).isEqualTo("notes.txt");
    }

    @Test
    void includingSubfoldersWalksThem() {
        includeSubfolders = true;
        victim.addPaths(List.of(dir));
        assertThat(names()).containsExactly("a.jpg", "b.png", "c.jpeg");
    }

    @Test
    void aFolderWithoutSubfoldersIsNotAQuestion() {
        victim.addPaths(List.of(dir.resolve("sub")));
        assertThat(asked).isEmpty();
        assertThat(names()).containsExactly("c.jpeg");
    }

    @Test
    void thumbnailsAreLoadedAndDuplicatesIgnored() {
        victim.addPaths(List.of(dir.resolve("a.jpg")));
        victim.addPaths(List.of(dir.resolve("a.jpg"), dir.resolve("b.png")));
        assertThat(names()).containsExactly("a.jpg", "b.png");
        assertThat(victim.items()).allSatisfy(i -> assertThat(i.thumbnailProperty().get()).isNotNull());
        assertThat(victim.selectedProperty().get().name()).isEqualTo("a.jpg");
    }

    @Test
    void anUnreadableFileIsMarkedWithTheReason() {
        backend.thumbnailFailure = new ImageException(ImageException.Kind.TRUNCATED, "the file ends before the image does");
        victim.addPaths(List.of(dir.resolve("a.jpg")));
        QueueItem item = victim.items().getFirst();
        assertThat(item.status()).isEqualTo(ItemStatus.FAILED);
        assertThat(item.messageProperty().get()).contains("the file ends before the image does");
    }

    @Test
    void reorderRemoveAndClear() {
        victim.addPaths(List.of(dir.resolve("a.jpg"), dir.resolve("b.png"), dir.resolve("sub/c.jpeg")));
        victim.move(victim.items().get(2), -5);
        assertThat(names()).containsExactly("c.jpeg", "a.jpg", "b.png");
        victim.remove(List.of(victim.items().get(1)));
        assertThat(names()).containsExactly("c.jpeg", "b.png");
        victim.clear();
        assertThat(victim.items()).isEmpty();
        assertThat(victim.selectedProperty().get()).isNull();
    }

    @Test
    void aLockedQueueDoesNotChange() {
        victim.addPaths(List.of(dir.resolve("a.jpg")));
        victim.lockedProperty().set(true);
        victim.clear();
        victim.addPaths(List.of(dir.resolve("b.png")));
        assertThat(names()).containsExactly("a.jpg");
    }
}
