package dev.snapotter.server.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class WorkspaceTest {

    @TempDir
    Path tmp;

    @Test
    void findsOnlyRegularFilesDirectlyInTheOutputFolder() throws Exception {
        Workspace ws = new Workspace(tmp.resolve("ws"));
        String id = JobIds.newId();
        Workspace.JobDir dir = ws.create(id);
        Files.writeString(dir.output().resolve("out.png"), "x");
        Files.writeString(dir.input().resolve("in.png"), "secret input");
        Files.writeString(tmp.resolve("outside.txt"), "secret");
        Files.createSymbolicLink(dir.output().resolve("link.png"), tmp.resolve("outside.txt"));
        Files.createDirectories(dir.output().resolve("sub"));

        assertThat(ws.findOutput(id, "out.png")).isPresent();
        assertThat(ws.findOutput(id, "in.png")).isEmpty();
        assertThat(ws.findOutput(id, "../input/in.png")).isEmpty();
        assertThat(ws.findOutput(id, "..")).isEmpty();
        assertThat(ws.findOutput(id, "link.png")).isEmpty();
        assertThat(ws.findOutput(id, "sub")).isEmpty();
        assertThat(ws.findOutput("../" + id, "out.png")).isEmpty();
        assertThat(ws.findOutput("not-a-uuid", "out.png")).isEmpty();
    }

    @Test
    void cleanupRemovesOldFoldersButNotRunningJobs() throws Exception {
        Workspace ws = new Workspace(tmp.resolve("ws"));
        String old = JobIds.newId();
        String running = JobIds.newId();
        String fresh = JobIds.newId();
        for (String id : new String[]{old, running}) {
            ws.create(id);
            Files.setLastModifiedTime(ws.jobDir(id), FileTime.from(Instant.now().minus(Duration.ofHours(5))));
        }
        ws.create(fresh);
        Files.createDirectories(tmp.resolve("ws").resolve("not-a-job"));

        int removed = ws.cleanup(Duration.ofHours(1), running::equals);

        assertThat(removed).isEqualTo(1);
        assertThat(ws.jobDir(old)).doesNotExist();
        assertThat(ws.jobDir(running)).exists();
        assertThat(ws.jobDir(fresh)).exists();
        assertThat(tmp.resolve("ws").resolve("not-a-job")).exists();
    }
}
