package dev.snapotter.backup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lists the files of a data folder that {@link BackupLayout} includes, in a stable order. Symbolic links are
 * not followed (a link could lead outside the volume) and special files are skipped; both are logged.
 */
final class DataDirScanner {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirScanner.class);

    private DataDirScanner() {
    }

    static List<Path> filesToBackUp(Path dataDir, boolean includeModels) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dataDir)) {
            for (Path child : children) {
                if (!BackupLayout.includeTopLevel(child.getFileName().toString(), includeModels)) continue;
                collect(child, files);
            }
        }
        files.sort(Comparator.comparing(p -> archivePath(dataDir, p)));
        return files;
    }

    /** Inside the models folder: the bundle installer's in-flight state (ADR 0061), never worth restoring. */
    static final java.util.Set<String> MODEL_WORK_DIRS = java.util.Set.of(".staging", ".trash", ".downloads");

    private static void collect(Path start, List<Path> files) throws IOException {
        boolean models = BackupLayout.MODEL_DIRS.contains(start.getFileName().toString());
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    files.add(file);
                } else {
                    LOG.warn("Not backed up (a {} , not a regular file): {}", attrs.isSymbolicLink() ? "symbolic link" : "special file", file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (attrs.isSymbolicLink()) {
                    LOG.warn("Not backed up (a symbolic link): {}", dir);
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (models && MODEL_WORK_DIRS.contains(dir.getFileName().toString())) return FileVisitResult.SKIP_SUBTREE;
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** '/'-separated path of {@code file} relative to {@code dataDir}. */
    static String archivePath(Path dataDir, Path file) {
        Path relative = dataDir.relativize(file);
        StringBuilder name = new StringBuilder();
        for (Path segment : relative) {
            if (!name.isEmpty()) name.append('/');
            name.append(segment);
        }
        return name.toString();
    }

}
