package dev.snapotter.control.lifecycle;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Client-side checks of an image archive before anything reaches the daemon: empty, not a tar, gzip (unpacked
 * here so the daemon always gets a plain tar — its gzip error reports differ, docker-java #2178).
 */
public final class ImageArchives {

    private static final int TAR_MAGIC_OFFSET = 257;

    private ImageArchives() {
    }

    /** Opens {@code archive} as a plain tar stream, or throws {@link ImageLoadException} saying what it is instead. */
    public static InputStream openTar(Path archive) throws IOException {
        if (!Files.isRegularFile(archive)) throw new ImageLoadException("No image archive at " + archive);
        if (Files.size(archive) == 0) throw new ImageLoadException("The image archive " + archive + " is empty");
        InputStream raw = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
        try {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            InputStream tar = b0 == 0x1f && b1 == 0x8b ? new BufferedInputStream(new GZIPInputStream(raw), 1 << 16) : raw;
            tar.mark(TAR_MAGIC_OFFSET + 8);
            byte[] header = tar.readNBytes(TAR_MAGIC_OFFSET + 5);
            tar.reset();
            if (header.length < TAR_MAGIC_OFFSET + 5 || !new String(header, TAR_MAGIC_OFFSET, 5,
                    StandardCharsets.US_ASCII).equals("ustar")) {
                throw new ImageLoadException("The file " + archive.getFileName()
                        + " is not an image archive (expected a tar from 'docker save')");
            }
            return tar;
        } catch (IOException | RuntimeException e) {
            raw.close();
            if (e instanceof ImageLoadException ile) throw ile;
            throw new ImageLoadException("Cannot read the image archive " + archive + ": " + e.getMessage(), e);
        }
    }
}
