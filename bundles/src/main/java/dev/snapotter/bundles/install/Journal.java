package dev.snapotter.bundles.install;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The one operation in progress, written (temp file, fsync, atomic rename) before each step that
 * changes what is installed, so the next start knows whether to roll back or to finish it.
 *
 * @param op       install | uninstall | reset
 * @param phase    extracting (nothing activated yet) | switching (verified; being moved into place)
 * @param bundleId the bundle (null while an uploaded file's manifest is not read yet)
 * @param staging  folder name under .staging, or null
 * @param trash    folder name under .trash, or null
 */
public record Journal(String op, String phase, String bundleId, String staging, String trash) {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    public static Optional<Journal> read(Path file) {
        try {
            return Files.exists(file) ? Optional.of(JSON.readValue(file.toFile(), Journal.class)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // a torn write cannot happen (rename), but an unreadable journal must not block startup
        }
    }

    public void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, JSON.writeValueAsBytes(this));
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public static void clear(Path file) throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".tmp"));
    }
}
