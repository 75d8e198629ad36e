package dev.snapotter.control.backup;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import dev.snapotter.control.lifecycle.ControlException;
import dev.snapotter.control.spec.ManagedLabels;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@code VolumeTool} command (backup-core's main class inside the server image) in a short-lived helper
 * container on the SnapOtter data volume (ADR 0071): no network, every capability dropped, no-new-privileges,
 * read-only root filesystem, uid 999, the data volume read-only unless the command must write it.
 *
 * <p>Files travel through a labelled scratch volume mounted at {@link #IO_DIR}, with the Docker API's archive
 * copy (docker cp) in both directions — not a host bind mount: that works the same against a remote engine or a
 * Docker Desktop VM, needs no host directory writable by uid 999, and never sends binary data through the log
 * stream. Container and scratch volume are removed afterwards, also on failure.
 */
public final class VolumeToolContainer {

    private static final Logger LOG = LoggerFactory.getLogger(VolumeToolContainer.class);

    /** The image declares {@code /tmp/workspace} owned by 999, so a fresh volume there is writable by the helper. */
    public static final String IO_DIR = "/tmp/workspace";
    public static final String DATA_DIR = "/data";
    public static final String MAIN_CLASS = "dev.snapotter.backup.VolumeTool";
    public static final String ROLE_LABEL = "dev.snapotter.role";
    private static final int OUTPUT_TAIL_BYTES = 16 * 1024;

    private final DockerClient docker;
    private final String image;
    private final String dataVolume;
    private final Map<String, String> extraLabels;
    private final Duration timeout;

    /**
     * @param extraLabels added to the helper and its scratch volume (tests add theirs so cleanup finds them)
     */
    public VolumeToolContainer(DockerClient docker, String image, String dataVolume, Map<String, String> extraLabels,
                               Duration timeout) {
        this.docker = docker;
        this.image = image;
        this.dataVolume = dataVolume;
        this.extraLabels = Map.copyOf(extraLabels);
        this.timeout = timeout;
    }

    public String image() {
        return image;
    }

    /**
     * Runs the command to completion. When it succeeded and {@link HelperRun#output()} is set, that file is
     * streamed into {@code out}. Never throws for a non-zero exit: the caller decides what the exit means.
     */
    public HelperResult run(HelperRun run, OutputStream out) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String scratch = "snapotter-" + run.role() + "-" + suffix;
        Map<String, String> labels = labels(run.role());
        String id = null;
        try {
            docker.createVolumeCmd().withName(scratch).withLabels(labels).exec();
            id = docker.createContainerCmd(image)
                    .withName(scratch)
                    .withLabels(labels)
                    .withUser("999:999")
                    .withEntrypoint(command(run.args()))
                    .withEnv(env(run))
                    .withWorkingDir(IO_DIR)
                    .withNetworkDisabled(true)
                    .withHostConfig(hostConfig(run, scratch))
                    .exec().getId();
            stage(id, run.inputs());
            docker.startContainerCmd(id).exec();
            int exit = docker.waitContainerCmd(id).exec(new WaitContainerResultCallback())
                    .awaitStatusCode(timeout.toSeconds(), TimeUnit.SECONDS);
            HelperResult result = new HelperResult(exit, output(id));
            LOG.info("Helper {} ({}) exited {}: {}", run.role(), String.join(" ", run.args()), exit, result.lastLine());
            if (result.succeeded() && run.output().isPresent()) copyOut(id, run.output().get(), out);
            return result;
        } finally {
            removeQuietly(id, scratch);
        }
    }

    private Map<String, String> labels(String role) {
        Map<String, String> labels = new HashMap<>(extraLabels);
        labels.put(ManagedLabels.MANAGED, "true");
        labels.put(ROLE_LABEL, "backup-helper-" + role);
        return labels;
    }

    /** The image's own JVM with the launcher's flags that matter on a read-only root (natives from /app/native). */
    static List<String> command(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of("/opt/java/bin/java", "-XX:-UsePerfData", "-Xshare:auto",
                "-XX:MaxRAMPercentage=60", "-Djava.awt.headless=true", "-Djava.io.tmpdir=" + IO_DIR,
                "-Duser.home=" + IO_DIR, "-Dorg.sqlite.lib.path=/app/native", "-Dorg.sqlite.lib.name=libsqlitejdbc.so",
                "--enable-native-access=ALL-UNNAMED", "-cp", "/app/snapotter-server.jar", MAIN_CLASS));
        cmd.addAll(args);
        return cmd;
    }

    private static List<String> env(HelperRun run) {
        List<String> env = new ArrayList<>(List.of("SQLITE_TMPDIR=" + IO_DIR, "HOME=" + IO_DIR));
        boolean hasPassphrase = run.inputs().stream().anyMatch(f -> f.name().equals(PASSPHRASE_FILE));
        if (hasPassphrase) env.add("SNAPOTTER_BACKUP_PASSPHRASE_FILE=" + IO_DIR + "/" + PASSPHRASE_FILE);
        return env;
    }

    /** Name of the staged passphrase file; its path reaches VolumeTool as SNAPOTTER_BACKUP_PASSPHRASE_FILE. */
    public static final String PASSPHRASE_FILE = "passphrase";

    private HostConfig hostConfig(HelperRun run, String scratch) {
        return HostConfig.newHostConfig()
                .withNetworkMode("none")
                .withCapDrop(Capability.ALL)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withReadonlyRootfs(true)
                .withTmpFs(Map.of("/tmp", "rw,noexec,nosuid,nodev,size=64m"))
                .withMounts(List.of(
                        new Mount().withType(MountType.VOLUME).withSource(dataVolume).withTarget(DATA_DIR)
                                .withReadOnly(!run.dataWritable()),
                        new Mount().withType(MountType.VOLUME).withSource(scratch).withTarget(IO_DIR)))
                .withMemory(1L << 30)
                .withMemorySwap(1L << 30)
                .withPidsLimit(256L)
                .withLogConfig(new LogConfig(LogConfig.LoggingType.JSON_FILE, Map.of("max-size", "10m")));
    }

    private void stage(String id, List<HelperRun.StagedFile> inputs) {
        if (inputs.isEmpty()) return;
        // The tar is streamed from a pipe so a multi-GB archive is never held in memory.
        try (java.io.PipedInputStream tarIn = new java.io.PipedInputStream(1 << 16)) {
            java.io.PipedOutputStream tarOut = new java.io.PipedOutputStream(tarIn);
            Thread writer = Thread.ofVirtual().name("snapotter-helper-stage").start(() -> writeTar(tarOut, inputs));
            docker.copyArchiveToContainerCmd(id).withTarInputStream(tarIn).withRemotePath(IO_DIR).exec();
            writer.join();
        } catch (IOException e) {
            throw new ControlException("Cannot copy the archive into the helper container: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ControlException("Interrupted while copying into the helper container", e);
        }
    }

    private static void writeTar(OutputStream sink, List<HelperRun.StagedFile> inputs) {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(sink)) {
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (HelperRun.StagedFile f : inputs) {
                TarArchiveEntry e = new TarArchiveEntry(f.name());
                e.setIds(999, 999);
                e.setMode(0400);
                if (f.content() != null) {
                    e.setSize(f.content().length);
                    tar.putArchiveEntry(e);
                    tar.write(f.content());
                } else {
                    e.setSize(Files.size(f.source()));
                    tar.putArchiveEntry(e);
                    Files.copy(f.source(), tar);
                }
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            LOG.warn("Writing the staging tar stopped: {}", e.toString());
        }
    }

    private void copyOut(String id, String name, OutputStream out) {
        try (InputStream raw = docker.copyArchiveFromContainerCmd(id, IO_DIR + "/" + name).exec();
             TarArchiveInputStream tar = new TarArchiveInputStream(raw)) {
            TarArchiveEntry entry = tar.getNextEntry();
            if (entry == null || !entry.isFile()) {
                throw new ControlException("The helper container did not produce " + name);
            }
            tar.transferTo(out);
            out.flush();
        } catch (IOException e) {
            throw new ControlException("Cannot copy " + name + " out of the helper container: " + e.getMessage(), e);
        }
    }

    private String output(String id) {
        TailCollector tail = new TailCollector();
        try {
            docker.logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(false).exec(tail)
                    .awaitCompletion(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.debug("Could not read the helper's output: {}", e.toString());
        }
        return tail.text();
    }

    private void removeQuietly(String id, String scratch) {
        try {
            if (id != null) docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException gone) {
            LOG.debug("Helper {} already gone", id);
        } catch (RuntimeException e) {
            LOG.warn("Could not remove helper container {}: {}", id, e.toString());
        }
        try {
            docker.removeVolumeCmd(scratch).exec();
        } catch (NotFoundException gone) {
            LOG.debug("Scratch volume {} already gone", scratch);
        } catch (RuntimeException e) {
            LOG.warn("Could not remove scratch volume {}: {}", scratch, e.toString());
        }
    }

    /** Keeps the last {@value #OUTPUT_TAIL_BYTES} bytes of the helper's output. */
    private static final class TailCollector extends ResultCallback.Adapter<Frame> {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public void onNext(Frame frame) {
            synchronized (bytes) {
                bytes.writeBytes(frame.getPayload());
                if (bytes.size() > 2 * OUTPUT_TAIL_BYTES) {
                    byte[] all = bytes.toByteArray();
                    bytes.reset();
                    bytes.write(all, all.length - OUTPUT_TAIL_BYTES, OUTPUT_TAIL_BYTES);
                }
            }
        }

        String text() {
            synchronized (bytes) {
                byte[] all = bytes.toByteArray();
                int from = Math.max(0, all.length - OUTPUT_TAIL_BYTES);
                return new String(new ByteArrayInputStream(all, from, all.length - from).readAllBytes(),
                        StandardCharsets.UTF_8);
            }
        }
    }
}
