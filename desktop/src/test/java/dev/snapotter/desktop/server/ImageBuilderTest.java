package dev.snapotter.desktop.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Where "Build image" comes from: the checkout's build.sh, found up from the working folder; never in an installed app. */
class ImageBuilderTest {

    @TempDir
    Path checkout;

    @Test
    void findsTheScriptFromAnyFolderInsideTheCheckout() throws Exception {
        Path script = checkout.resolve("container/image/build.sh");
        Files.createDirectories(script.getParent());
        Files.writeString(script, "#!/usr/bin/env bash\n");
        Path deep = Files.createDirectories(checkout.resolve("desktop/target"));

        assertThat(ImageBuilder.locate(null, deep)).contains(script.toAbsolutePath());
        assertThat(ImageBuilder.locate("", checkout)).contains(script.toAbsolutePath());
        ImageBuilder builder = new ImageBuilder(script, new FakeProcessRunner());
        assertThat(builder.checkoutRoot()).isEqualTo(checkout.toAbsolutePath());
        assertThat(builder.command()).containsExactly("bash", script.toString());
    }

    @Test
    void anInstalledAppNeverOffersTheBuild() throws Exception {
        Path script = checkout.resolve("container/image/build.sh");
        Files.createDirectories(script.getParent());
        Files.writeString(script, "");
        assertThat(ImageBuilder.locate("/opt/snapotter/bin/SnapOtter", checkout)).isEmpty();
    }

    @Test
    void outsideACheckoutThereIsNoScript() {
        assertThat(ImageBuilder.locate(null, checkout)).isEmpty();
    }
}
