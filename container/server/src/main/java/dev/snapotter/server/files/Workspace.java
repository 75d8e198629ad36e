package dev.snapotter.server.files;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Per-job scratch folders {@code WORKSPACE_PATH/<jobId>/{input,output}}. Outputs are downloadable
 * until the folder ages out; folders of running jobs are never deleted.
 */
public final class Workspace {

    private static final Logger LOG = LoggerFactory.getLogger(Workspace.class);

    public record JobDir(Path root, Path input, Path output) {
    }

    private final Path root;

    public Workspace(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public JobDir create(String jobId) {
        Path dir = jobDir(jobId);
        try {
            Files.createDirectories(dir.resolve("input"));
            Files.createDirectories(dir.resolve("output"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create job folder " + dir, e);
        }
        return new JobDir(dir, dir.resolve("input"), dir.resolve("output"));
    }

    public Path jobDir(String jobId) {
        if (!JobIds.valid(jobId)) throw new IllegalArgumentException("invalid job id");
        return root.resolve(jobId);
    }

    /**
     * The output file a download URL points at, if it is a regular file directly inside the job's
     * output folder. Checked lexically and again on the real path, so neither "../" tricks nor a
     * symlink can lead outside.
     */
    public Optional<Path> findOutput(String jobId, String name) {
        if (!JobIds.valid(jobId) || !SafeFileName.isPlainName(name)) return Optional.empty();
        Path outputDir = jobDir(jobId).resolve("output");
        Path candidate = outputDir.resolve(name).normalize();
        if (!candidate.getParent().equals(outputDir)) return Optional.empty();
        if (!Files.isRegularFile(candidate, LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
        try {
            if (!candidate.toRealPath().getParent().equals(outputDir.toRealPath())) return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(candidate);
    }

    /** Deletes job folders older than {@code maxAge} unless {@code inUse} says the job is running. */
    public int cleanup(Duration maxAge, Predicate<String> inUse) {
        if (!Files.isDirectory(root)) return 0;
        Instant cutoff = Instant.now().minus(maxAge);
        int removed = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (!JobIds.valid(name) || inUse.test(name)) continue;
                BasicFileAttributes attrs = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (attrs.lastModifiedTime().toInstant().isBefore(cutoff)) {
                    deleteTree(dir);
                    removed++;
                }
            }
        } catch (IOException e) {
            LOG.warn("Workspace cleanup failed: {}", e.getMessage());
        }
        if (removed > 0) LOG.info("Workspace cleanup removed {} job folder(s) older than {} h", removed, maxAge.toHours());
        return removed;
    }

    /** Deletes a job folder (used when a job failed and has nothing to download). */
    public void delete(String jobId) {
        try {
            deleteTree(jobDir(jobId));
        } catch (IOException e) {
            LOG.warn("Could not delete job folder {}: {}", jobId, e.getMessage());
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
