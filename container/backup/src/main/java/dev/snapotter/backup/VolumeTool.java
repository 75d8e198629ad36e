package dev.snapotter.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Backup and restore on a data volume without a running server: the entry point of the network-less helper
 * container (docs/backup.md, "VolumeTool"). Results are one JSON object on stdout (on stderr for
 * {@code backup --out -}, whose stdout is the archive); logs and errors go to stderr.
 *
 * <pre>
 *   backup   --data DIR --out FILE|- [--include-models] [--tmp DIR]
 *   verify   --archive FILE [--max-schema N]
 *   manifest --archive FILE
 *   restore  --data DIR --archive FILE [--max-schema N]
 *   rollback --data DIR          commit --data DIR          status --data DIR          recover --data DIR
 *   schema
 * </pre>
 * The passphrase never appears in argv: {@value #PASSPHRASE_FILE_ENV} names a file holding it.
 * Exit codes: 0 done; 2 usage; 3 archive refused (REASON on stderr); 4 restore failed and was rolled back;
 * 5 any other failure (I/O, permissions, a restore that could not be rolled back).
 */
public final class VolumeTool {

    public static final String PASSPHRASE_FILE_ENV = "SNAPOTTER_BACKUP_PASSPHRASE_FILE";
    public static final int OK = 0;
    public static final int USAGE = 2;
    public static final int REFUSED = 3;
    public static final int ROLLED_BACK = 4;
    public static final int FAILED = 5;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    VolumeTool(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    public static void main(String[] args) {
        PrintStream stdout = System.out;
        System.setOut(System.err); // logging (logback's console appender) must never mix into an archive on stdout
        System.exit(new VolumeTool(stdout, System.err, System.getenv()).run(args));
    }

    int run(String[] args) {
        if (args.length == 0) return usage("no command");
        VolumeToolArgs a;
        try {
            a = VolumeToolArgs.parse(Arrays.copyOfRange(args, 1, args.length));
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        try {
            return switch (args[0]) {
                case "backup" -> backup(a);
                case "verify" -> print(summary(BackupVerifier.verify(a.path("--archive"), passphrase(), maxSchema(a))));
                case "manifest" -> print(Map.of("manifest", BackupVerifier.readManifest(a.path("--archive"), passphrase())));
                case "restore" -> restore(a);
                case "rollback" -> {
                    DataDirRestorer.rollback(a.path("--data"));
                    yield print(Map.of("rolledBack", true));
                }
                case "commit" -> {
                    DataDirRestorer.commit(a.path("--data"));
                    yield print(Map.of("committed", true));
                }
                case "recover" -> print(Map.of("rolledBack", DataDirRestorer.recover(a.path("--data"))));
                case "status" -> print(DataDirRestorer.pending(a.path("--data")).<Map<String, Object>>map(j -> Map.of("pending", true, "journal", j))
                        .orElse(Map.of("pending", false)));
                case "schema" -> print(Map.of("maxSchemaVersion", maxSchema(a), "backupFormatVersion", BackupManifest.FORMAT_VERSION));
                default -> usage("unknown command " + args[0]);
            };
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        } catch (BackupRejectedException e) {
            err.println("REFUSED " + e.reason() + ": " + e.getMessage());
            return switch (e.reason()) {
                case RESTORE_FAILED -> ROLLED_BACK;
                case ROLLBACK_FAILED -> FAILED;
                default -> REFUSED;
            };
        } catch (IOException | RuntimeException e) {
            err.println("FAILED: " + e.getMessage());
            return FAILED;
        }
    }

    private int backup(VolumeToolArgs a) throws IOException {
        Path data = a.path("--data");
        String target = a.required("--out");
        Path temp = a.optional("--tmp").map(Path::of).orElse(Path.of(System.getProperty("java.io.tmpdir")))
                .resolve(BackupLayout.RESERVED_PREFIX_BACKUP + "tmp-" + java.util.UUID.randomUUID());
        BackupOptions options = new BackupOptions(a.flag("--include-models"), passphrase());
        BackupManifest[] written = new BackupManifest[1];
        Path snapshot = OfflineSnapshot.take(data, temp);
        try {
            IoConsumer<OutputStream> write = stream -> written[0] = BackupWriter.writeFromSnapshot(data, snapshot, options, stream, appVersion(), KdfParams.DEFAULT);
            if (target.equals("-")) {
                OutputStream stdout = new BufferedOutputStream(out, 1 << 16);
                write.accept(stdout);
                stdout.flush();
            } else {
                BackupFiles.writeAtomically(Path.of(target), write);
            }
        } finally {
            Files.deleteIfExists(snapshot);
            Files.deleteIfExists(temp);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("out", target);
        result.put("files", written[0].files().size());
        result.put("dataBytes", written[0].totalBytes());
        result.put("schemaVersion", written[0].schemaVersion());
        result.put("encrypted", options.encrypted());
        String json = new String(ManifestJson.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsBytes(result), StandardCharsets.UTF_8);
        (target.equals("-") ? err : out).println(json);
        return OK;
    }

    private int restore(VolumeToolArgs a) throws IOException {
        Path archive = a.path("--archive");
        Path data = a.path("--data");
        int max = maxSchema(a);
        char[] pass = passphrase();
        BackupVerifier.verify(archive, pass, max);
        RestoreReport r = DataDirRestorer.restore(archive, pass, data, max);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("restored", true);
        result.put("files", r.filesRestored());
        result.put("bytes", r.bytesRestored());
        result.put("tableRowCounts", r.tableRowCounts());
        result.put("previousDir", r.previousDir().toString());
        result.put("backupCreatedAt", r.manifest().createdAt().toString());
        result.put("next", "start the server; when it is healthy run 'commit', otherwise 'rollback'");
        return print(result);
    }

    private static Map<String, Object> summary(BackupSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("valid", true);
        m.put("fileCount", s.fileCount());
        m.put("totalBytes", s.totalBytes());
        m.put("manifest", s.manifest());
        return m;
    }

    private int maxSchema(VolumeToolArgs a) throws IOException {
        if (a.optional("--max-schema").isPresent()) return a.integer("--max-schema");
        return SchemaSupport.latestMigration().orElseThrow(() ->
                new IllegalArgumentException("--max-schema is needed: no database migrations on the class path (run from the server jar)"));
    }

    private char[] passphrase() throws IOException {
        String file = env.get(PASSPHRASE_FILE_ENV);
        if (file == null || file.isBlank()) return null;
        byte[] raw = Files.readAllBytes(Path.of(file));
        String text = new String(raw, StandardCharsets.UTF_8);
        Arrays.fill(raw, (byte) 0);
        if (text.endsWith("\n")) text = text.substring(0, text.length() - (text.endsWith("\r\n") ? 2 : 1));
        if (text.isEmpty()) throw new IllegalArgumentException(PASSPHRASE_FILE_ENV + " names an empty file");
        return text.toCharArray();
    }

    private static String appVersion() {
        String v = VolumeTool.class.getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
    }

    private int print(Object result) throws IOException {
        out.println(new String(ManifestJson.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsBytes(result), StandardCharsets.UTF_8));
        out.flush();
        return OK;
    }

    private int usage(String problem) {
        err.println("snapotter VolumeTool: " + problem);
        err.println("usage: " + String.join("\n       ", List.of(
                "backup   --data DIR --out FILE|- [--include-models] [--tmp DIR]",
                "verify   --archive FILE [--max-schema N]",
                "manifest --archive FILE",
                "restore  --data DIR --archive FILE [--max-schema N]",
                "rollback|commit|status|recover --data DIR",
                "schema")));
        err.println("passphrase: set " + PASSPHRASE_FILE_ENV + " to a file holding it (never on the command line)");
        return USAGE;
    }
}
