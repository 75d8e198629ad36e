package dev.snapotter.backup;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.zip.Deflater;

import static org.assertj.core.api.Assertions.assertThat;

class CompressionChoiceTest {

    static BackupFileEntry f(String path, long size) {
        return new BackupFileEntry(path, size, "0".repeat(64));
    }

    @Test
    void databaseHeavyBackupsAreCompressedMediaHeavyOnesStored() {
        assertThat(CompressionChoice.level(List.of(f("snapotter.db", 100), f("uploads/a.JPG", 40)))).isEqualTo(Deflater.BEST_SPEED);
        assertThat(CompressionChoice.level(List.of(f("snapotter.db", 100), f("uploads/a.png", 60), f("ai/m.onnx", 900))))
                .isEqualTo(Deflater.NO_COMPRESSION);
    }

    @Test
    void extensionsAreJudgedOnTheFileNameOnly() {
        assertThat(CompressionChoice.alreadyCompressed("uploads/photo.webp")).isTrue();
        assertThat(CompressionChoice.alreadyCompressed("uploads.jpg/notes")).isFalse();
        assertThat(CompressionChoice.alreadyCompressed("snapotter.db")).isFalse();
    }
}
