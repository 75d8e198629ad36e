package dev.snapotter.cli.run;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Expands INPUT arguments into image files. A file named on the command line is always passed
 * to the engine (it detects the format from the bytes, so a misnamed JPEG still works); inside
 * folders only files with a readable image extension are taken and the rest are listed as
 * ignored. Hidden files and folders, and the output folder itself, are never picked up, so a
 * second run over the same tree does not reprocess its own results.
 */
public final class InputCollector {

    private final Set<String> imageExtensions;
    private final Path outputDir;
    private final boolean recursive;

    /**
     * @param imageExtensions lower-case extensions without dot that the engine can read
     * @param outputDir       the batch's output folder, excluded from folder walks
     */
    public InputCollector(Set<String> imageExtensions, Path outputDir, boolean recursive) {
        this.imageExtensions = Set.copyOf(imageExtensions);
        this.outputDir = outputDir.toAbsolutePath().normalize();
        this.recursive = recursive;
    }

    public InputScan collect(List<Path> arguments) {
        Map<Path, Path> files = new LinkedHashMap<>();
        List<Path> ignored = new ArrayList<>();
        List<Path> missing = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int[] unsearched = {0};
        for (Path arg : arguments) {
            if (Files.isDirectory(arg)) {
                scanFolder(arg, files, ignored, problems, unsearched);
            } else if (Files.isRegularFile(arg)) {
                files.putIfAbsent(key(arg), arg);
            } else if (Files.exists(arg, LinkOption.NOFOLLOW_LINKS)) {
                problems.add(arg + ": not a regular file or folder");
            } else {
                missing.add(arg);
            }
        }
        return new InputScan(new ArrayList<>(files.values()), ignored, missing, problems, unsearched[0]);
    }

    private void scanFolder(Path folder, Map<Path, Path> files, List<Path> ignored, List<String> problems, int[] unsearched) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(folder, Set.of(), recursive ? Integer.MAX_VALUE : 1, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(folder)) return FileVisitResult.CONTINUE;
                    return skipFolder(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isDirectory()) {
                        // maxDepth reached: a subfolder seen but not entered.
                        if (!skipFolder(file)) unsearched[0]++;
                    } else if (!isHidden(file)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.add(file + ": cannot be read (" + describe(e) + ")");
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(folder + ": cannot be read (" + describe(e) + ")");
        }
        found.sort(null);
        for (Path file : found) {
            if (isImageName(file)) {
                files.putIfAbsent(key(file), file);
            } else {
                ignored.add(file);
            }
        }
    }

    private boolean skipFolder(Path dir) {
        return isHidden(dir) || dir.toAbsolutePath().normalize().equals(outputDir);
    }

    boolean isImageName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && imageExtensions.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean isHidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /** The same file named twice (or through "./") is processed once. */
    private static Path key(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static String describe(IOException e) {
        String kind = e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null ? kind : kind + ": " + e.getMessage();
    }}
