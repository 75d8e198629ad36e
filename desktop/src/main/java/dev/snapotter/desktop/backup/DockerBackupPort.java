package dev.snapotter.desktop.backup;

import com.github.dockerjava.api.DockerClient;
import dev.snapotter.backup.BackupOptions;
import dev.snapotter.backup.BackupSummary;
import dev.snapotter.backup.BackupVerifier;
import dev.snapotter.control.api.ApiKeyStore;
import dev.snapotter.control.api.SnapOtterApi;
import dev.snapotter.control.backup.ApiDataCheck;
import dev.snapotter.control.backup.BackupResult;
import dev.snapotter.control.backup.BackupService;
import dev.snapotter.control.backup.HelperVolumeTool;
import dev.snapotter.control.backup.LifecycleServer;
import dev.snapotter.control.backup.RestoreCheck;
import dev.snapotter.control.backup.RestoreListener;
import dev.snapotter.control.backup.RestoreOutcome;
import dev.snapotter.control.backup.RestoreService;
import dev.snapotter.control.backup.VolumeToolContainer;
import dev.snapotter.control.docker.DockerClients;
import dev.snapotter.control.endpoint.DockerUnavailableException;
import dev.snapotter.control.lifecycle.ContainerLifecycle;
import dev.snapotter.control.lifecycle.ControlException;
import dev.snapotter.control.lifecycle.HealthWaiter;
import dev.snapotter.desktop.server.ServerControl;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The wizard's port on the real thing: the Server area's container spec (never an inspect result) and Docker
 * endpoint, the desktop's own admin API key for the API route and the post-restore check (skipped when the
 * restored data does not know that key), helper containers for everything else. Safety backups go to the app-data folder.
 */
public final class DockerBackupPort implements BackupPort, AutoCloseable {

    private final ServerControl control;
    private final ApiKeyStore desktopKey;
    private final Path safetyDir;
    private DockerClient docker;

    public DockerBackupPort(ServerControl control, ApiKeyStore desktopKey, Path safetyDir) {
        this.control = control;
        this.desktopKey = desktopKey;
        this.safetyDir = safetyDir;
    }

    @Override
    public boolean encrypted(Path archive) throws IOException {
        return BackupVerifier.isEncrypted(archive);
    }

    @Override
    public BackupSummary verify(Path archive, char[] passphrase) throws IOException {
        // The schema is checked by the container's own image during the restore (ADR 0071).
        return BackupVerifier.verify(archive, passphrase, Integer.MAX_VALUE);
    }

    @Override
    public String currentData() {
        LifecycleServer server = server();
        return "the data of the container '" + control.spec().name() + "' (volume " + server.dataVolume()
                + ", server " + server.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")";
    }

    @Override
    public BackupResult backup(Path destination, BackupOptions options, Consumer<String> progress) throws IOException {
        return service().backup(destination, options, progress);
    }

    @Override
    public RestoreOutcome restore(Path archive, char[] passphrase, RestoreListener listener) {
        LifecycleServer server = server();
        return new RestoreService(server, tool(server), this::verify, service().safetyBackupInto(safetyDir),
                restoreChecks(adminApi())).restore(archive, passphrase, listener);
    }

    /**
     * The checks once the server is healthy on the restored data. The desktop's key is the one it stored at its
     * (latest) first start: after data loss that is a key of the fresh install, which the backup does not hold.
     * The API comparison then must not fail the restore; the data step verified the files and rows in place.
     */
    static List<RestoreCheck> restoreChecks(Optional<SnapOtterApi> desktopAdminApi) {
        return desktopAdminApi.<List<RestoreCheck>>map(api -> List.of(ApiDataCheck.whenKeyValid(api)))
                .orElse(List.of());
    }

    private BackupService service() {
        LifecycleServer server = server();
        return new BackupService(server, this::adminApi, tool(server), Clock.systemUTC());
    }

    private Optional<SnapOtterApi> adminApi() {
        try {
            return desktopKey.load().map(key -> SnapOtterApi.local(control.port()).withBearer(key));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private HelperVolumeTool tool(LifecycleServer server) {
        return new HelperVolumeTool(new VolumeToolContainer(docker(), server.image(), server.dataVolume(), Map.of(),
                Duration.ofHours(2)));
    }

    /** A lifecycle over the Server area's spec: the same container, stopped and started, never recreated. */
    private LifecycleServer server() {
        return new LifecycleServer(new ContainerLifecycle(docker(), control.spec(),
                new HealthWaiter(Duration.ofMinutes(2), Duration.ofSeconds(1))));
    }

    private synchronized DockerClient docker() {
        if (docker == null) {
            try {
                docker = DockerClients.create(control.connect().endpoint());
            } catch (DockerUnavailableException e) {
                throw new ControlException("Docker is not reachable: " + e.getMessage(), e);
            }
        }
        return docker;
    }

    @Override
    public synchronized void close() throws IOException {
        if (docker != null) docker.close();
        docker = null;
    }
}
