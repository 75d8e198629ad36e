package dev.snapotter.control.backup;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One command for {@link VolumeToolContainer}: the VolumeTool arguments, whether the data volume is mounted
 * read-write, files to place in the helper's scratch directory before it starts, and the scratch file to copy out
 * after it exited.
 *
 * @param inputs  files staged into {@link VolumeToolContainer#IO_DIR} (owned by uid 999, mode 0400)
 * @param output  name of a file in {@link VolumeToolContainer#IO_DIR} to stream out after a successful exit
 */
public record HelperRun(String role, List<String> args, boolean dataWritable, List<StagedFile> inputs,
                        Optional<String> output) {

    public HelperRun {
        Objects.requireNonNull(role, "role");
        if (!role.matches("[a-z-]{1,30}")) throw new IllegalArgumentException("bad role: " + role);
        args = List.copyOf(args);
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(output, "output");
    }

    /**
     * A host file, or a small in-memory secret, copied into the scratch directory under {@code name}. Exactly one
     * of {@code source} and {@code content} is set.
     */
    public record StagedFile(String name, java.nio.file.Path source, byte[] content) {
        public StagedFile {
            if (!name.matches("[a-zA-Z0-9._-]{1,64}") || name.startsWith(".")) {
                throw new IllegalArgumentException("bad staged file name: " + name);
            }
            if ((source == null) == (content == null)) throw new IllegalArgumentException("source xor content");
        }

        public static StagedFile of(String name, java.nio.file.Path source) {
            return new StagedFile(name, source, null);
        }

        public static StagedFile secret(String name, byte[] content) {
            return new StagedFile(name, null, content);
        }
    }
}
