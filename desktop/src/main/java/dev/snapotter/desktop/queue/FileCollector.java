package dev.snapotter.desktop.queue;

import dev.snapotter.desktop.task.TaskContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Expands dropped or opened paths into image files. Files are accepted by extension here (cheap, no
 * reads); a file whose bytes disagree with its name fails later with the engine's clear message.
 * Hidden files (dot files such as {@code .DS_Store}) are ignored without a notice.
 */
public final class FileCollector {

    /** What a scan found, in a stable order (folder contents sorted by name). */
    public record ScanResult(List<Path> supported, List<Path> unsupported) {
    }

    private final Set<String> extensions;

    public FileCollector(Set<String> extensions) {
        this.extensions = Set.copyOf(extensions);
    }

    public boolean isSupported(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && extensions.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Whether any of the given folders contains a sub-folder (then the user is asked about recursion). */
    public boolean hasSubfolders(List<Path> paths) throws IOException {
        for (Path p : paths) {
            if (!Files.isDirectory(p)) continue;
            try (Stream<Path> s = Files.list(p)) {
                if (s.anyMatch(c -> Files.isDirectory(c) && !isHidden(c))) return true;
            }
        }
        return false;
    }

    public ScanResult collect(List<Path> paths, boolean recursive, TaskContext ctx) throws IOException {
        List<Path> ok = new ArrayList<>();
        List<Path> bad = new ArrayList<>();
        for (Path p : paths) {
            ctx.checkCancelled();
            if (Files.isDirectory(p)) {
                walk(p, recursive, ok, bad, ctx);
            } else if (Files.isRegularFile(p)) {
                (isSupported(p) ? ok : bad).add(p);
            } else {
                bad.add(p);
            }
        }
        return new ScanResult(ok, bad);
    }

    private void walk(Path dir, boolean recursive, List<Path> ok, List<Path> bad, TaskContext ctx) throws IOException {
        try (Stream<Path> s = recursive ? Files.walk(dir) : Files.list(dir)) {
            List<Path> files = s.filter(Files::isRegularFile)
                    .filter(f -> !isHiddenBelow(dir, f))
                    .sorted(Comparator.comparing(f -> dir.relativize(f).toString().toLowerCase(Locale.ROOT)))
                    .toList();
            for (Path f : files) {
                ctx.checkCancelled();
                (isSupported(f) ? ok : bad).add(f);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean isHidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }

    private static boolean isHiddenBelow(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) return true;
        }
        return false;
    }
}
