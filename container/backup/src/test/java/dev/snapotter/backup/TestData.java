package dev.snapotter.backup;

import dev.snapotter.archive.Sha256;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** A data folder shaped like the server's: a WAL database with Flyway history, uploads, a secret file, models, a cache. */
final class TestData {

    static final String VERSION = "0.1.0-test";

    private TestData() {
    }

    /** Creates {@code dir} with a database of {@code rows} users and audit rows at Flyway schema {@code schema}. */
    static Path dataDir(Path dir, int rows, int schema, long seed) throws Exception {
        Files.createDirectories(dir.resolve("uploads/2026"));
        Files.createDirectories(dir.resolve("ai/background-removal"));
        Files.createDirectories(dir.resolve("venv/lib"));
        Random random = new Random(seed);
        Files.write(dir.resolve("uploads/2026/photo.jpg"), bytes(random, 300_000));
        Files.write(dir.resolve("uploads/notes.txt"), ("notes " + seed).getBytes());
        Files.writeString(dir.resolve("initial-admin-password"), "secret-" + seed);
        Files.write(dir.resolve("ai/background-removal/model.onnx"), bytes(random, 200_000));
        Files.write(dir.resolve("venv/lib/cache.bin"), bytes(random, 1000));
        try (Connection c = open(dir.resolve(BackupLayout.DATABASE)); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("CREATE TABLE flyway_schema_history (installed_rank INTEGER PRIMARY KEY, version TEXT, success INTEGER)");
            for (int v = 1; v <= schema; v++) s.execute("INSERT INTO flyway_schema_history VALUES (" + v + ", '" + v + "', 1)");
            s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, hash TEXT NOT NULL)");
            s.execute("CREATE TABLE audit_log (id INTEGER PRIMARY KEY, action TEXT NOT NULL, details TEXT)");
            insertRows(c, rows, seed);
        }
        return dir;
    }

    static void insertRows(Connection c, int rows, long seed) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement u = c.prepareStatement("INSERT INTO users (name, hash) VALUES (?, ?)");
             PreparedStatement a = c.prepareStatement("INSERT INTO audit_log (action, details) VALUES (?, ?)")) {
            for (int i = 0; i < rows; i++) {
                u.setString(1, "user-" + seed + "-" + i);
                u.setString(2, "$argon2id$v=19$" + Long.toHexString(seed * 31 + i));
                u.executeUpdate();
                a.setString(1, "LOGIN_SUCCESS");
                a.setString(2, "{\"i\":" + i + ",\"pad\":\"" + "x".repeat(200) + "\"}");
                a.executeUpdate();
            }
        }
        c.commit();
        c.setAutoCommit(true);
    }

    static Connection open(Path db) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=10000");
        }
        return c;
    }

    static long count(Path db, String table) throws SQLException {
        try (Connection c = open(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** Path → SHA-256 of every file, "dir/" for folders, under {@code root} (byte-for-byte comparison of trees). */
    static Map<String, String> tree(Path root) {
        Map<String, String> out = new TreeMap<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(root)) out.put(DataDirScanner.archivePath(root, dir) + "/", "dir");
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    out.put(DataDirScanner.archivePath(root, file), attrs.isSymbolicLink() ? "link" : Sha256.of(file));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A plain backup of {@code dataDir} in memory. */
    static byte[] backup(Path dataDir, BackupOptions options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BackupWriter.write(dataDir, options, out, VERSION, dataDir.resolve(".backup-tmp-test"), KdfParams.FAST_FOR_TESTS);
        return out.toByteArray();
    }
}
