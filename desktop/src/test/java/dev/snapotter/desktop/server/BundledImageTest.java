package dev.snapotter.desktop.server;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BundledImageTest {

    @Test
    void looksAtTheExplicitFileThenNextToTheAppThenUpTheSourceCheckout() {
        var c = BundledImage.candidates("1.2.3", "/media/kit/image.tar", "/opt/snapotter/bin/SnapOtter", Path.of("/src/snap/desktop"));
        assertThat(c).startsWith(Path.of("/media/kit/image.tar"), Path.of("/opt/snapotter/bin/snapotter-image-1.2.3.tar"),
                Path.of("/opt/snapotter/snapotter-image-1.2.3.tar"), Path.of("/opt/snapotter/lib/app/snapotter-image-1.2.3.tar"));
        assertThat(c).contains(Path.of("/src/snap/container/image/target/snapotter-image-1.2.3.tar"));
    }

    @Test
    void theVersionComesFromTheBuild() {
        assertThat(AppVersion.get()).isNotBlank().doesNotContain("${");
        assertThat(AppVersion.imageReference()).isEqualTo("snapotter/snapotter:" + AppVersion.get());
    }
}
