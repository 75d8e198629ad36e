package dev.snapotter.desktop.ai;

import dev.snapotter.bundles.BundleFormat;
import dev.snapotter.bundles.signing.Ed25519Keys;
import dev.snapotter.bundles.testing.TestBundles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Finding and listing the AI bundle files that ship with the app (the air-gapped kit). */
class ShippedBundlesTest {

    @TempDir
    Path tmp;

    @Test
    void looksAtTheExplicitFolderThenNextToTheInstalledAppThenTheCheckout() {
        List<Path> places = ShippedBundles.candidates("/media/kit/bundles", "/opt/snapotter/bin/SnapOtter", Path.of("/home/u/src/snapotter"));
        assertThat(places).startsWith(Path.of("/media/kit/bundles"), Path.of("/opt/snapotter/bin/bundles"),
                Path.of("/opt/snapotter/bundles"), Path.of("/opt/snapotter/lib/app/bundles"));
        assertThat(places).contains(Path.of("/home/u/src/snapotter/ai/target/bundles"), Path.of("/home/u/src/ai/target/bundles"));
    }

    @Test
    void noInstalledAppAndNoExplicitFolderLeavesOnlyTheCheckout() {
        assertThat(ShippedBundles.candidates(null, null, Path.of("/w"))).containsExactly(Path.of("/w/ai/target/bundles"),
                Path.of("/ai/target/bundles"));
    }

    @Test
    void listsBundleFilesByManifestAndLeavesOutWhatIsNotABundle() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("bundles"));
        Path good = Files.move(TestBundles.signedBundle(tmp, "test-model", Ed25519Keys.generate().getPrivate()),
                dir.resolve("test-model" + BundleFormat.EXTENSION));
        Files.writeString(dir.resolve("garbage" + BundleFormat.EXTENSION), "not gzip");
        TestBundles.rawArchive(dir.resolve("model-first" + BundleFormat.EXTENSION),
                List.of(TestBundles.Entry.file("model.onnx", new byte[10]), TestBundles.Entry.file(BundleFormat.MANIFEST, "{}".getBytes())));
        Files.writeString(dir.resolve("notes.txt"), "ignored: not a bundle name");

        List<ShippedBundle> list = ShippedBundles.in(dir).list();
        assertThat(list).singleElement().satisfies(b -> {
            assertThat(b.file()).isEqualTo(good);
            assertThat(b.id()).isEqualTo("test-model");
            assertThat(b.manifest().installedBytes()).isGreaterThan(300_000);
        });
    }

    @Test
    void aManifestThatIsNotTheFirstEntryIsRefusedWithTheReason() throws Exception {
        Path f = TestBundles.rawArchive(tmp.resolve("x" + BundleFormat.EXTENSION),
                List.of(TestBundles.Entry.file("../evil", new byte[1])));
        assertThatThrownBy(() -> ShippedBundles.readManifest(f)).hasMessageContaining("..");
    }

    @Test
    void aMissingFolderMeansNoShippedBundles() throws Exception {
        assertThat(ShippedBundles.in(tmp.resolve("absent")).list()).isEmpty();
        assertThat(ShippedBundles.none().folder()).isEmpty();
    }
}
