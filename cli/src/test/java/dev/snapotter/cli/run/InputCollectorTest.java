package dev.snapotter.cli.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class InputCollectorTest {

    @TempDir
    Path tmp;

    private Path touch(String name) throws IOException {
        Path p = tmp.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, "x");
    }

    @Test
    void foldersYieldImagesByExtensionSortedAndTheRestIsIgnored() throws IOException {
        touch("b.JPG");
        touch("a.png");
        touch("notes.txt");
        touch(".hidden.jpg");
        touch("sub/c.jpg");

        InputScan scan = new InputCollector(Set.of("jpg", "png"), tmp.resolve("out"), false).collect(List.of(tmp));

        assertThat(scan.files()).extracting(p -> p.getFileName().toString()).containsExactly("a.png", "b.JPG");
        assertThat(scan.ignored()).extracting(p -> p.getFileName().toString()).containsExactly("notes.txt");
        assertThat(scan.unsearchedFolders()).isEqualTo(1);
        assertThat(scan.missing()).isEmpty();
    }

    @Test
    void recursionSkipsHiddenFoldersAndTheOutputFolder() throws IOException {
        touch("a/one.jpg");
        touch("a/b/two.jpg");
        touch(".git/three.jpg");
        touch("out/old.jpg");

        InputScan scan = new InputCollector(Set.of("jpg"), tmp.resolve("out"), true).collect(List.of(tmp));

        assertThat(scan.files()).extracting(p -> tmp.relativize(p).toString()).containsExactly("a/b/two.jpg", "a/one.jpg");
    }

    @Test
    void explicitFilesAreTakenWhateverTheirNameAndMissingOnesAreListed() throws IOException {
        Path odd = touch("scan.dat");

        InputScan scan = new InputCollector(Set.of("jpg"), tmp.resolve("out"), false)
                .collect(List.of(odd, tmp.resolve("nope.jpg"), odd));

        assertThat(scan.files()).containsExactly(odd);
        assertThat(scan.missing()).containsExactly(tmp.resolve("nope.jpg"));
    }
}
