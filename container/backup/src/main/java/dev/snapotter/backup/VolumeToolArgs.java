package dev.snapotter.backup;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code --name value} options and {@code --flag}s of {@link VolumeTool}; unknown options are errors. */
final class VolumeToolArgs {

    private static final Set<String> VALUED = Set.of("--data", "--out", "--archive", "--tmp", "--max-schema");
    private static final Set<String> FLAGS = Set.of("--include-models");

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    static VolumeToolArgs parse(String[] args) {
        VolumeToolArgs a = new VolumeToolArgs();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--passphrase")) throw new IllegalArgumentException("the passphrase is never accepted on the command line; set "
                    + VolumeTool.PASSPHRASE_FILE_ENV);
            if (FLAGS.contains(arg)) {
                a.flags.add(arg);
            } else if (VALUED.contains(arg)) {
                if (i + 1 >= args.length) throw new IllegalArgumentException(arg + " needs a value");
                a.values.put(arg, args[++i]);
            } else {
                throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return a;
    }

    String required(String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) throw new IllegalArgumentException(name + " is required");
        return v;
    }

    Path path(String name) {
        return Path.of(required(name));
    }

    Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name));
    }

    int integer(String name) {
        try {
            return Integer.parseInt(required(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number");
        }
    }

    boolean flag(String name) {
        return flags.contains(name);
    }
}
