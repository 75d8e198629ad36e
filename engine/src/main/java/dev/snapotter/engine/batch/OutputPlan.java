package dev.snapotter.engine.batch;

import dev.snapotter.engine.pipeline.PipelineRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reserves output names for one batch under its {@link ConflictPolicy}. Names are compared
 * case-insensitively (macOS and Windows folders are), an input of the batch is never a valid
 * target, and two inputs never get the same output.
 */
final class OutputPlan {

    static final int MAX_RENAMES = 10_000;

    /** A reserved target, or a reason to skip the input. */
    record Decision(Path target, String skipReason) {
        boolean skipped() {
            return target == null;
        }
    }

    /** Thrown from inside a run when a late name reservation says to skip the input. */
    static final class SkipException extends RuntimeException {
        SkipException(String reason) {
            super(reason);
        }
    }

    private final Path dir;
    private final ConflictPolicy policy;
    private final List<Path> inputs;
    private final Set<String> reserved = new HashSet<>();

    OutputPlan(Path dir, ConflictPolicy policy, List<Path> inputs) {
        this.dir = dir;
        this.policy = policy;
        this.inputs = inputs;
    }

    synchronized Decision reserve(String fileName) {
        Path candidate = dir.resolve(fileName);
        boolean isInput = isInput(candidate);
        boolean taken = reserved.contains(key(fileName));
        boolean exists = Files.exists(candidate);
        if (!isInput && !taken && !exists) return take(candidate);
        if (policy == ConflictPolicy.SKIP) {
            String why = isInput ? "the output name is the input file itself" : taken
                    ? "another input of this batch produces " + fileName : fileName + " already exists";
            return new Decision(null, why);
        }
        if (policy == ConflictPolicy.OVERWRITE && !isInput && !taken) return take(candidate);
        return take(renamed(fileName));
    }

    private Decision take(Path p) {
        reserved.add(key(p.getFileName().toString()));
        return new Decision(p, null);
    }

    /** {@code photo.jpg} → {@code photo (1).jpg}, {@code photo (2).jpg}, … the first free one. */
    private Path renamed(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String base = dot > 0 ? fileName.substring(0, dot) : fileName;
        String ext = dot > 0 ? fileName.substring(dot) : "";
        for (int i = 1; i <= MAX_RENAMES; i++) {
            String name = base + " (" + i + ")" + ext;
            Path p = dir.resolve(name);
            if (!reserved.contains(key(name)) && !Files.exists(p) && !isInput(p)) return p;
        }
        throw new IllegalStateException("no free name for " + fileName + " after " + MAX_RENAMES + " attempts");
    }

    private boolean isInput(Path candidate) {
        for (Path in : inputs) {
            if (PipelineRunner.OutputPaths.sameFile(in, candidate)) return true;
            if (in.toAbsolutePath().normalize().toString().equalsIgnoreCase(candidate.toAbsolutePath().normalize().toString())) return true;
        }
        return false;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
