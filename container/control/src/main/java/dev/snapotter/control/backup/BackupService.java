package dev.snapotter.control.backup;

import dev.snapotter.backup.BackupFiles;
import dev.snapotter.backup.BackupOptions;
import dev.snapotter.control.api.ApiException;
import dev.snapotter.control.api.SnapOtterApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backs up the managed container's data. A healthy server with admin credentials streams the archive from its
 * admin endpoint (the database snapshot is taken by the process that writes it, while it serves requests);
 * otherwise a helper container reads the volume READ-ONLY. Either way the destination appears only complete
 * ({@link BackupFiles#writeAtomically}): an interrupted backup leaves at most a {@code .partial} file.
 */
public final class BackupService {

    private static final Logger LOG = LoggerFactory.getLogger(BackupService.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final ManagedServer server;
    private final Supplier<Optional<SnapOtterApi>> adminApi;
    private final DataVolumeTool tool;
    private final Clock clock;

    /**
     * @param adminApi the server's API with an admin session or key, when the app holds one
     */
    public BackupService(ManagedServer server, Supplier<Optional<SnapOtterApi>> adminApi, DataVolumeTool tool,
                         Clock clock) {
        this.server = server;
        this.adminApi = adminApi;
        this.tool = tool;
        this.clock = clock;
    }

    /** {@code snapotter-backup-20261125-101500.tar.gz}: sorts by time, tells itself apart from other files. */
    public String defaultFileName(String prefix) {
        return fileName(prefix, clock.instant());
    }

    public static String fileName(String prefix, java.time.Instant at) {
        return prefix + "-" + STAMP.format(at) + ".tar.gz";
    }

    /** Writes a backup to {@code destination}, which must not exist yet. */
    public BackupResult backup(Path destination, BackupOptions options, Consumer<String> progress) throws IOException {
        Optional<SnapOtterApi> api = adminApi.get();
        ManagedServer.State state = server.state();
        if (state == ManagedServer.State.RUNNING_HEALTHY && api.isPresent()) {
            progress.accept("Asking the running server for a backup");
            try {
                BackupFiles.writeAtomically(destination, out -> api.get().downloadBackup(options, out));
                return done(destination, BackupResult.Route.SERVER_API);
            } catch (ApiException e) {
                // Only "these credentials are not (or no longer) an admin's" falls back: the volume holds the same
                // data. Anything else (server broke off, disk full) is reported rather than papered over.
                if (e.status() != 401 && e.status() != 403) throw e;
                progress.accept("The server did not accept the app's credentials (" + e.getMessage()
                        + "); reading the data volume in a helper container");
            }
        } else {
            progress.accept(state == ManagedServer.State.RUNNING_HEALTHY
                    ? "No admin credentials for the server; reading the data volume in a helper container"
                    : "The server is " + describe(state) + "; reading the data volume in a helper container");
        }
        BackupFiles.writeAtomically(destination, out -> {
            HelperResult r = tool.backup(options.includeModels(), options.passphrase(), out);
            if (!r.succeeded()) throw new IOException("The backup in the helper container failed: " + r.lastLine());
        });
        return done(destination, BackupResult.Route.HELPER_CONTAINER);
    }

    private static BackupResult done(Path destination, BackupResult.Route route) throws IOException {
        long size = Files.size(destination);
        LOG.info("Backup written to {} ({} bytes, {})", destination, size, route);
        return new BackupResult(destination, size, route);
    }

    private static String describe(ManagedServer.State state) {
        return switch (state) {
            case ABSENT -> "not created";
            case STOPPED -> "stopped";
            case RUNNING_UNHEALTHY -> "not healthy";
            case RUNNING_HEALTHY -> "healthy";
        };
    }

    /**
     * The safety backup a restore takes first: everything (models too, since a restore replaces them), not
     * encrypted (it holds exactly what the volume holds), in {@code dir} with owner-only permissions where the
     * file system has them.
     */
    public SafetyBackup safetyBackupInto(Path dir) {
        return progress -> {
            Files.createDirectories(dir);
            ownerOnly(dir);
            Path file = dir.resolve(defaultFileName("snapotter-safety"));
            return backup(file, new BackupOptions(true, null), progress).file();
        };
    }

    private static void ownerOnly(Path dir) {
        try {
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException | IOException e) {
            LOG.debug("Cannot restrict {}: {}", dir, e.toString());
        }
    }
}
