package dev.snapotter.desktop.backend;

import dev.snapotter.engine.batch.ConflictPolicy;
import dev.snapotter.engine.batch.NameTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Output names for a batch processed by a server: the engine's {@link NameTemplate} (the one template language),
 * the user's {@link ConflictPolicy}, never an input of the batch, never two inputs on one name. Names compare
 * case-insensitively, as on macOS and Windows.
 */
final class RemoteOutputNames {

    private static final int MAX_RENAMES = 10_000;

    private final Path dir;
    private final NameTemplate template;
    private final ConflictPolicy policy;
    private final Set<String> inputs = new HashSet<>();
    private final Set<String> reserved = new HashSet<>();

    RemoteOutputNames(Path dir, String template, ConflictPolicy policy, List<Path> batchInputs) {
        this.dir = dir;
        this.template = NameTemplate.parse(template);
        this.policy = policy;
        batchInputs.forEach(p -> inputs.add(key(p.toAbsolutePath().normalize())));
    }

    /** The target for one input, or empty (skip) with the reason in {@code skipReason[0]}. */
    synchronized Optional<Path> reserve(Path input, String serverFileName, int index, String tools, String[] skipReason) {
        String ext = extension(serverFileName, input);
        String name = template.render(input.getFileName().toString(), ext, index, tools);
        Path candidate = dir.resolve(name);
        boolean isInput = inputs.contains(key(candidate.toAbsolutePath().normalize()));
        boolean taken = reserved.contains(name.toLowerCase(Locale.ROOT));
        boolean exists = Files.exists(candidate);
        if (!isInput && !taken && !exists) return Optional.of(take(candidate));
        if (policy == ConflictPolicy.SKIP) {
            skipReason[0] = isInput ? "the output name is the input file itself"
                    : taken ? "another input of this batch produces " + name : name + " already exists";
            return Optional.empty();
        }
        if (policy == ConflictPolicy.OVERWRITE && !isInput && !taken) return Optional.of(take(candidate));
        return Optional.of(take(renamed(name)));
    }

    private Path take(Path p) {
        reserved.add(p.getFileName().toString().toLowerCase(Locale.ROOT));
        return p;
    }

    private Path renamed(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String base = dot > 0 ? fileName.substring(0, dot) : fileName;
        String ext = dot > 0 ? fileName.substring(dot) : "";
        for (int i = 1; i <= MAX_RENAMES; i++) {
            String name = base + " (" + i + ")" + ext;
            Path p = dir.resolve(name);
            if (!reserved.contains(name.toLowerCase(Locale.ROOT)) && !Files.exists(p)
                    && !inputs.contains(key(p.toAbsolutePath().normalize()))) {
                return p;
            }
        }
        throw new IllegalStateException("no free name for " + fileName + " after " + MAX_RENAMES + " attempts");
    }

    /** The format the server wrote (its file name's extension), else the input's. */
    static String extension(String serverFileName, Path input) {
        for (String name : new String[] {serverFileName, input.getFileName().toString()}) {
            int dot = name == null ? -1 : name.lastIndexOf('.');
            if (dot > 0 && dot < name.length() - 1) {
                String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
                if (ext.matches("[a-z0-9]{1,10}")) return ext;
            }
        }
        return "png";
    }

    private static String key(Path p) {
        return p.toString().toLowerCase(Locale.ROOT);
    }
}
