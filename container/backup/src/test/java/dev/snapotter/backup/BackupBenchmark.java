package dev.snapotter.backup;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Backup throughput and the write stall a snapshot causes (issue 7 targets: >= 100 MB/s, < 100 ms).
 * Run by container/backup/scripts/bench-backup.sh; prints a Markdown table for docs/performance.md.
 *
 * <p>Data: a WAL database of {@code dbMb} MB (users/audit-like rows) and {@code uploadMb} MB of incompressible
 * "uploads" (random bytes stand in for JPEG/PNG/WebP, which deflate cannot shrink either). The stall is measured
 * as the server writes: one connection, WAL, synchronous=NORMAL, one autocommit insert at a time, every
 * insert's latency recorded, without a snapshot (baseline) and while {@link DatabaseSnapshot#take} runs.
 */
public final class BackupBenchmark {

    public static void main(String[] args) throws Exception {
        int dbMb = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int uploadMb = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        Path root = Files.createTempDirectory("snapotter-backup-bench");
        try {
            Path data = Files.createDirectories(root.resolve("data"));
            Path db = data.resolve(BackupLayout.DATABASE);
            fillDatabase(db, dbMb);
            fillUploads(data.resolve("uploads"), uploadMb);
            System.out.printf("data: database %.0f MB, uploads %d MB, %d cores, Java %s, load average %.1f%n", Files.size(db) / 1e6, uploadMb,
                    Runtime.getRuntime().availableProcessors(), Runtime.version(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

            Stall baseline = measureStall(db, null);
            Stall during = measureStall(db, root.resolve("snap"));
            Stall pacedBaseline = measureStall(db, null, 1000);
            Stall paced = measureStall(db, root.resolve("snap"), 1000);
            System.out.println();
            System.out.println("| measurement | result |");
            System.out.println("|---|---|");
            System.out.printf("| snapshot (VACUUM INTO) of the %.0f MB database | %d ms |%n", Files.size(db) / 1e6, during.snapshotMs);
            System.out.printf("| inserts committed during the snapshot (+0.5 s after) | %d (%.0f/s; without a snapshot %.0f/s) |%n", during.count,
                    during.perSecond(), baseline.perSecond());
            System.out.printf("| insert latency p50 / p99 / max (inserts > 100 ms), no snapshot | %.2f / %.2f / %.1f ms (%d) |%n",
                    baseline.p50, baseline.p99, baseline.max, baseline.slow);
            System.out.printf("| insert latency p50 / p99 / max (inserts > 100 ms), during snapshot (+0.5 s after) | %.2f / %.2f / %.1f ms (%d) |%n",
                    during.p50, during.p99, during.max, during.slow);

            // Warm-up: the JIT compiles the AES-GCM, SHA-256 and tar paths; a multi-gigabyte real backup amortises this.
            for (int i = 0; i < 2; i++) {
                for (char[] pass : new char[][] {null, "warm-up".toCharArray()}) {
                    BackupWriter.write(data, new BackupOptions(false, pass), OutputStream.nullOutputStream(), "bench",
                            data.resolve(".backup-tmp-warm"), KdfParams.FAST_FOR_TESTS);
                }
            }
            System.out.printf("| paced writer (~1 insert/ms): inserts, p99 / max (inserts > 100 ms), no snapshot | %d, %.2f / %.1f ms (%d) |%n",
                    pacedBaseline.count, pacedBaseline.p99, pacedBaseline.max, pacedBaseline.slow);
            System.out.printf("| paced writer (~1 insert/ms): inserts, p99 / max (inserts > 100 ms), during snapshot (+0.5 s after) | %d, %.2f / %.1f ms (%d) |%n",
                    paced.count, paced.p99, paced.max, paced.slow);
            for (boolean encrypted : new boolean[] {false, true}) {
                Path out = root.resolve(encrypted ? "b.tar.gz.enc" : "b.tar.gz");
                BackupOptions options = new BackupOptions(false, encrypted ? "benchmark passphrase".toCharArray() : null);
                long t0 = System.nanoTime();
                BackupManifest[] m = new BackupManifest[1];
                BackupFiles.writeAtomically(out, (OutputStream o) -> m[0] = BackupWriter.write(data, options, o, "bench",
                        data.resolve(".backup-tmp-bench"), KdfParams.DEFAULT));
                double s = (System.nanoTime() - t0) / 1e9;
                long t1 = System.nanoTime();
                BackupVerifier.verify(out, options.passphrase(), Integer.MAX_VALUE);
                double v = (System.nanoTime() - t1) / 1e9;
                System.out.printf("| backup%s: %.0f MB of data -> %.0f MB archive | %.1f s = **%.0f MB/s**; verify %.1f s = %.0f MB/s |%n",
                        encrypted ? " (encrypted)" : "", m[0].totalBytes() / 1e6, Files.size(out) / 1e6, s, m[0].totalBytes() / 1e6 / s,
                        v, m[0].totalBytes() / 1e6 / v);
                Files.delete(out);
            }
        } finally {
            try (var walk = Files.walk(root)) {
                walk.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    record Stall(int count, double p50, double p99, double max, long slow, long snapshotMs, double seconds) {
        double perSecond() {
            return count / seconds;
        }
    }

    /** Inserts continuously for the duration of a snapshot (or 3 s without one) and reports the latencies. */
    static Stall measureStall(Path db, Path snapshotDir) throws Exception {
        return measureStall(db, snapshotDir, 0);
    }

    /** @param pauseMicros pause between inserts (0 = as fast as possible, the worst case) */
    static Stall measureStall(Path db, Path snapshotDir, int pauseMicros) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicLong worstAt = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong worst = new java.util.concurrent.atomic.AtomicLong();
        Thread writer = Thread.ofPlatform().start(() -> {
            try (Connection c = TestData.open(db); Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_log (action, details) VALUES ('BENCH', ?)")) {
                    while (!stop.get()) {
                        long t = System.nanoTime();
                        insert.setString(1, "{\"t\":" + t + "}");
                        insert.executeUpdate();
                        long took = System.nanoTime() - t;
                        latencies.add(took);
                        if (took > worst.get()) {
                            worst.set(took);
                            worstAt.set(t);
                        }
                        if (pauseMicros > 0) java.util.concurrent.locks.LockSupport.parkNanos(pauseMicros * 1000L);
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300); // writer warm
        latencies.clear();
        worst.set(0);
        long started = System.nanoTime();
        long snapshotMs = 0;
        if (snapshotDir == null) {
            Thread.sleep(3000);
        } else {
            long t0 = System.nanoTime();
            Path snap = DatabaseSnapshot.take(db, snapshotDir);
            long end = System.nanoTime();
            snapshotMs = (end - t0) / 1_000_000;
            Files.delete(snap);
            Thread.sleep(500); // the checkpoint catch-up after the snapshot's read transaction ends belongs to its cost
            System.out.printf("  (pause %d us) slowest insert: %.1f ms, started %+d ms relative to the end of the snapshot%n",
                    pauseMicros, worst.get() / 1e6, (worstAt.get() - end) / 1_000_000);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        stop.set(true);
        writer.join();
        List<Long> sorted;
        synchronized (latencies) {
            sorted = new ArrayList<>(latencies);
        }
        Collections.sort(sorted);
        int n = sorted.size();
        long slow = sorted.stream().filter(t -> t > 100_000_000L).count();
        return new Stall(n, sorted.get(n / 2) / 1e6, sorted.get((int) (n * 0.99)) / 1e6, sorted.get(n - 1) / 1e6, slow, snapshotMs, seconds);
    }

    private static void fillDatabase(Path db, int megabytes) throws Exception {
        try (Connection c = TestData.open(db); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("CREATE TABLE flyway_schema_history (installed_rank INTEGER PRIMARY KEY, version TEXT, success INTEGER)");
            s.execute("INSERT INTO flyway_schema_history VALUES (1, '1', 1)");
            s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, hash TEXT NOT NULL)");
            s.execute("CREATE TABLE audit_log (id INTEGER PRIMARY KEY, action TEXT NOT NULL, details TEXT)");
            s.execute("CREATE INDEX audit_action ON audit_log(action)");
            int rows = 0;
            while (Files.size(db) + sizeOr0(db.resolveSibling(db.getFileName() + "-wal")) < (long) megabytes << 20) {
                TestData.insertRows(c, 20_000, rows++);
            }
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    private static long sizeOr0(Path p) throws Exception {
        return Files.exists(p) ? Files.size(p) : 0;
    }

    private static void fillUploads(Path dir, int megabytes) throws Exception {
        Files.createDirectories(dir);
        Random random = new Random(1);
        byte[] chunk = new byte[4 << 20];
        for (int i = 0; i < megabytes / 4; i++) {
            random.nextBytes(chunk);
            Files.write(dir.resolve("image-" + i + ".jpg"), chunk);
        }
    }
}
