package dev.snapotter.control.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageArchivesTest {

    @TempDir
    Path tmp;

    private Path tar(Path file, boolean gzip) throws Exception {
        try (OutputStream raw = Files.newOutputStream(file);
             OutputStream out = gzip ? new GZIPOutputStream(raw) : raw;
             TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry e = new TarArchiveEntry("manifest.json");
            e.setSize(body.length);
            tar.putArchiveEntry(e);
            tar.write(body);
            tar.closeArchiveEntry();
        }
        return file;
    }

    @Test
    void plainAndGzippedTarsOpenAsPlainTar() throws Exception {
        for (boolean gz : new boolean[] {false, true}) {
            try (InputStream in = ImageArchives.openTar(tar(tmp.resolve("i" + gz + ".tar"), gz))) {
                byte[] header = in.readNBytes(262);
                assertThat(new String(header, 257, 5, StandardCharsets.US_ASCII)).isEqualTo("ustar");
                assertThat(new String(header, 0, 13, StandardCharsets.US_ASCII)).isEqualTo("manifest.json");
            }
        }
    }

    @Test
    void emptyMissingAndNonTarFilesAreRefusedClearly() throws Exception {
        assertThatThrownBy(() -> ImageArchives.openTar(tmp.resolve("missing.tar")))
                .isInstanceOf(ImageLoadException.class).hasMessageContaining("No image archive");
        Path empty = Files.createFile(tmp.resolve("empty.tar"));
        assertThatThrownBy(() -> ImageArchives.openTar(empty)).hasMessageContaining("is empty");
        Path text = Files.writeString(tmp.resolve("notes.tar"), "hello ".repeat(200));
        assertThatThrownBy(() -> ImageArchives.openTar(text)).hasMessageContaining("not an image archive");
        Path badGzip = Files.write(tmp.resolve("bad.tar.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
        assertThatThrownBy(() -> ImageArchives.openTar(badGzip)).isInstanceOf(ImageLoadException.class);
    }
}
