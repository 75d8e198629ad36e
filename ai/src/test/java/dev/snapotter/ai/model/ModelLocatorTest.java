package dev.snapotter.ai.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelLocatorTest {

    private static final ModelSpec TINY = new ModelSpec("tiny.onnx", "test-bundle", 3,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"); // sha256("abc")

    @Test
    void missingModelIsATypedErrorNamingBundleAndPath(@TempDir Path dir) {
        ModelLocator locator = new ModelLocator(dir);
        assertThat(locator.isInstalled(TINY)).isFalse();
        assertThatThrownBy(() -> locator.locate(TINY))
                .isInstanceOfSatisfying(ModelNotInstalledException.class, e -> {
                    assertThat(e.bundleId()).isEqualTo("test-bundle");
                    assertThat(e.sizeBytes()).isEqualTo(3);
                    assertThat(e.expectedAt()).isEqualTo(dir.resolve("tiny.onnx").toAbsolutePath().normalize());
                })
                .hasMessageContaining("not installed").hasMessageContaining("not found");
    }

    @Test
    void wrongSizeIsRefusedCheaply(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tiny.onnx"), "abcd");
        assertThatThrownBy(() -> new ModelLocator(dir).locate(TINY))
                .isInstanceOf(ModelNotInstalledException.class).hasMessageContaining("4 bytes, expected 3");
    }

    @Test
    void aGoodCopyIsFoundAndVerified(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tiny.onnx"), "abc");
        Path found = new ModelLocator(dir).locate(TINY);
        ModelLocator.verifyDigest(TINY, found);
        assertThat(found).hasFileName("tiny.onnx");
    }

    @Test
    void aDamagedCopyOfTheRightSizeFailsTheDigestCheck(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tiny.onnx"), "abd");
        Path found = new ModelLocator(dir).locate(TINY);
        assertThatThrownBy(() -> ModelLocator.verifyDigest(TINY, found))
                .isInstanceOf(ModelNotInstalledException.class).hasMessageContaining("damaged");
    }

    @Test
    void aDirectoryInPlaceOfTheFileIsNotAModel(@TempDir Path dir) throws Exception {
        Files.createDirectory(dir.resolve("tiny.onnx"));
        assertThat(new ModelLocator(dir).isInstalled(TINY)).isFalse();
    }

    @Test
    void modelsInsideInstalledBundlesAreFoundUnderTheirBundleId(@TempDir Path root) throws Exception {
        ModelLocator locator = ModelLocator.inBundles(root);
        Files.createDirectories(root.resolve("other-bundle/files"));
        Files.writeString(root.resolve("other-bundle/files/tiny.onnx"), "abc");
        assertThat(locator.isInstalled(TINY)).as("only the bundle the spec names counts").isFalse();
        assertThatThrownBy(() -> locator.locate(TINY)).isInstanceOfSatisfying(ModelNotInstalledException.class,
                e -> assertThat(e.expectedAt()).isEqualTo(root.resolve("test-bundle/files/tiny.onnx").toAbsolutePath().normalize()));

        Files.createDirectories(root.resolve("test-bundle/files"));
        Files.writeString(root.resolve("test-bundle/files/tiny.onnx"), "abc");
        assertThat(locator.locate(TINY)).isEqualTo(root.resolve("test-bundle/files/tiny.onnx").toAbsolutePath().normalize());
    }
}
