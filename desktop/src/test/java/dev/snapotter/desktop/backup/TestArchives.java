package dev.snapotter.desktop.backup;

import dev.snapotter.backup.BackupOptions;
import dev.snapotter.backup.BackupWriter;
import dev.snapotter.backup.KdfParams;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** Real backup archives of a small server-shaped data folder (SQLite database + uploads). */
final class TestArchives {

    private TestArchives() {
    }

    static Path write(Path dir, String name, char[] passphrase) throws Exception {
        Path data = dir.resolve("data-" + name);
        Files.createDirectories(data.resolve("uploads"));
        Files.write(data.resolve("uploads/photo.jpg"), new byte[40_000]);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("snapotter.db"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)");
            s.execute("CREATE TABLE pipelines (id INTEGER PRIMARY KEY, name TEXT)");
            s.execute("CREATE TABLE audit_log (id INTEGER PRIMARY KEY, action TEXT)");
            s.execute("INSERT INTO users (name) VALUES ('admin'), ('alice'), ('bob')");
            s.execute("INSERT INTO pipelines (name) VALUES ('web'), ('thumbnails')");
            for (int i = 0; i < 12; i++) s.execute("INSERT INTO audit_log (action) VALUES ('login')");
        }
        Path out = dir.resolve(name);
        try (OutputStream o = Files.newOutputStream(out)) {
            BackupWriter.write(data, new BackupOptions(false, passphrase), o, "0.1.0", dir.resolve("tmp-" + name),
                    KdfParams.FAST_FOR_TESTS);
        }
        return out;
    }
}
