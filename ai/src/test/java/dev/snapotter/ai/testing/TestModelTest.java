package dev.snapotter.ai.testing;

import dev.snapotter.ai.model.ModelLocator;
import dev.snapotter.ai.model.ModelSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A missing model skips a real-inference test outside CI and fails it under CI=true, with the reason either way. */
class TestModelTest {

    @TempDir
    Path dir;

    @Test
    void missingModelSkipsOutsideCi() {
        assertThatThrownBy(() -> TestModel.require(new ModelLocator(dir), false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("SKIPPED").hasMessageContaining(dir.toString()).hasMessageContaining("model file not found");
    }

    @Test
    void missingModelFailsUnderCi() {
        assertThatThrownBy(() -> TestModel.require(new ModelLocator(dir), true))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("CI=true").hasMessageContaining(dir.toString()).hasMessageContaining("model file not found");
    }

    @Test
    void truncatedModelFailsUnderCiWithTheSize() throws Exception {
        Files.write(dir.resolve(ModelSpec.ISNET_SMALL.fileName()), new byte[10]);
        assertThatThrownBy(() -> TestModel.require(new ModelLocator(dir), true))
                .isInstanceOf(AssertionError.class).hasMessageContaining("10 bytes");
    }

    @Test
    void aModelOfTheRightSizeIsFoundInTheGivenDirectory() throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve(ModelSpec.ISNET_SMALL.fileName()).toFile(), "rw")) {
            f.setLength(ModelSpec.ISNET_SMALL.sizeBytes()); // sparse: the cheap lookup checks the size only
        }
        assertThat(TestModel.require(new ModelLocator(dir), true).directory()).isEqualTo(dir.toAbsolutePath().normalize());
    }

    @Test
    void theLocationComesFromTheSharedLocator() {
        String old = System.getProperty(ModelLocator.DIR_PROPERTY);
        System.setProperty(ModelLocator.DIR_PROPERTY, dir.toString());
        try {
            assertThatThrownBy(TestModel::require).hasMessageContaining(dir.toString());
        } finally {
            if (old == null) System.clearProperty(ModelLocator.DIR_PROPERTY);
            else System.setProperty(ModelLocator.DIR_PROPERTY, old);
        }
    }
}
