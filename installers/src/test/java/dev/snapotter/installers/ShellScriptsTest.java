package dev.snapotter.installers;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every shell script of installers/ passes shellcheck (skipped, saying so, where shellcheck is not installed). */
class ShellScriptsTest {

    @Test
    void scriptsPassShellcheck() throws IOException {
        assumeTrue(Cmd.run(Duration.ofSeconds(10), List.of("shellcheck", "--version")).exit() == 0,
                "SKIPPED: shellcheck is not installed (apt-get install shellcheck; .ci/run installs it)");
        Path dir = Outputs.repo().resolve("installers");
        List<String> cmd = new ArrayList<>(List.of("shellcheck", "--severity=style"));
        try (Stream<Path> files = Files.walk(dir)) {
            // Only sources: build folders (target*) hold copies; linux/resources are jpackage templates with placeholders.
            files.filter(f -> f.toString().endsWith(".sh")).filter(f -> !dir.relativize(f).toString().startsWith("target"))
                    .filter(f -> !dir.relativize(f).toString().contains("/target")).map(Path::toString).sorted().forEach(cmd::add);
        }
        assertThat(cmd.size()).as("scripts found").isGreaterThanOrEqualTo(7);
        Cmd.Result r = Cmd.run(Duration.ofSeconds(60), cmd);
        assertThat(r.exit()).as("shellcheck output:\n%s", r.output()).isZero();
    }
}
