package dev.snapotter.bundles.build;

import dev.snapotter.archive.Sha256;
import dev.snapotter.bundles.BundleFormat;
import dev.snapotter.bundles.BundleManifest;
import dev.snapotter.bundles.catalogue.Catalogue;
import dev.snapotter.bundles.catalogue.CatalogueEntry;
import dev.snapotter.bundles.testing.TestBundles;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The build-time bundle command, in particular a bundle described by the built-in catalogue. */
class BundleToolTest {

    @TempDir
    Path tmp;

    @Test
    void aCataloguedBundleTakesItsDescriptionFromTheCatalogueAndItsNameFromIdAndVersion() throws Exception {
        Path model = Files.write(tmp.resolve("m.onnx"), TestBundles.randomBytes(1000, 3));
        Path out = tmp.resolve("new/out"); // created by the tool
        BundleTool.build(List.of(out.toString(), "--id", "background-removal", "--from-catalogue", "--min-app", "0.1.0",
                "--file", "isnet-small.onnx=" + model, "--unsigned"), new PrintStream(new ByteArrayOutputStream()));

        CatalogueEntry entry = Catalogue.builtIn().find("background-removal").orElseThrow();
        Path bundle = out.resolve("background-removal-" + entry.version() + ".snapotter-bundle.tar.gz");
        assertThat(bundle).isRegularFile();
        assertThat(Files.readString(bundle.resolveSibling(bundle.getFileName() + ".sha256"))).startsWith(Sha256.of(bundle));
        BundleManifest written = BundleManifest.parse(firstEntry(bundle));
        assertThat(written.id()).isEqualTo("background-removal");
        assertThat(written.files()).singleElement().satisfies(f -> assertThat(f.sha256()).isEqualTo(Sha256.of(model)));
        assertThat(written.name()).isEqualTo(entry.name());
        assertThat(written.version()).isEqualTo(entry.version());
        assertThat(written.license()).isEqualTo(entry.license());
        assertThat(written.enablesTools()).isEqualTo(entry.enablesTools());
    }

    /** The format puts the manifest first. */
    private static byte[] firstEntry(Path bundle) throws Exception {
        try (var tar = new TarArchiveInputStream(new GzipCompressorInputStream(Files.newInputStream(bundle)))) {
            assertThat(tar.getNextEntry().getName()).isEqualTo(BundleFormat.MANIFEST);
            return tar.readAllBytes();
        }
    }

    @Test
    void anOptionalBundleWhoseModelIsMissingIsNotBuiltOutsideCi() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        List<String> args = List.of(out.toString(), "--id", "background-removal", "--from-catalogue", "--optional",
                "--file", "isnet-small.onnx=" + tmp.resolve("absent.onnx"), "--unsigned");
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertThatThrownBy(() -> BundleTool.build(args, new PrintStream(new ByteArrayOutputStream()))).hasMessageContaining("absent.onnx");
        } else {
            ByteArrayOutputStream said = new ByteArrayOutputStream();
            BundleTool.build(args, new PrintStream(said));
            assertThat(said.toString()).contains("not building").contains("absent.onnx");
        }
        try (var files = Files.list(out)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anIdTheCatalogueDoesNotKnowIsRefused() {
        assertThatThrownBy(() -> BundleTool.build(List.of(tmp.toString(), "--id", "nope", "--from-catalogue", "--file", "a=" + tmp, "--unsigned"),
                new PrintStream(new ByteArrayOutputStream()))).hasMessageContaining("no bundle 'nope'");
    }
}
