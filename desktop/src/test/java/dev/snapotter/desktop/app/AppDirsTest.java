package dev.snapotter.desktop.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AppDirsTest {

    @Test
    void followsEachPlatformsConvention() {
        assertThat(AppDirs.detect(null, "Linux", "/home/o", Map.of()).root()).isEqualTo(Path.of("/home/o/.config/snapotter"));
        assertThat(AppDirs.detect(null, "Linux", "/home/o", Map.of("XDG_CONFIG_HOME", "/cfg")).root()).isEqualTo(Path.of("/cfg/snapotter"));
        assertThat(AppDirs.detect(null, "Linux", "/home/o", Map.of("XDG_CONFIG_HOME", "relative")).root()).isEqualTo(Path.of("/home/o/.config/snapotter"));
        assertThat(AppDirs.detect(null, "Mac OS X", "/Users/o", Map.of()).root()).isEqualTo(Path.of("/Users/o/Library/Application Support/SnapOtter"));
        assertThat(AppDirs.detect(null, "Windows 11", "/home/o", Map.of("APPDATA", "/appdata")).root()).isEqualTo(Path.of("/appdata/SnapOtter"));
        assertThat(AppDirs.detect("/portable", "Linux", "/home/o", Map.of()).root()).isEqualTo(Path.of("/portable"));
    }
}
