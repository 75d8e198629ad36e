package dev.snapotter.desktop.output;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decides which output folder each input goes to; inputs that share a folder run as one engine batch. */
public final class OutputPlanner {

    private OutputPlanner() {
    }

    /** Output folder → its inputs, in queue order of first appearance. */
    public static Map<Path, List<Path>> plan(List<Path> inputs, OutputSettings settings) {
        Map<Path, List<Path>> groups = new LinkedHashMap<>();
        for (Path in : inputs) {
            Path dir = settings.mode() == OutputMode.FOLDER
                    ? Path.of(settings.folder()).toAbsolutePath().normalize()
                    : in.toAbsolutePath().getParent().resolve(settings.subfolderName());
            groups.computeIfAbsent(dir, d -> new ArrayList<>()).add(in);
        }
        return groups;
    }

    /** A user-facing problem with the settings, or null when they can be used. */
    public static String problem(OutputSettings s) {
        if (s.mode() == OutputMode.FOLDER && s.folder().isBlank()) return "Choose an output folder.";
        if (s.mode() == OutputMode.BESIDE_ORIGINALS) {
            String name = s.subfolderName();
            if (name.contains("/") || name.contains("\\") || name.equals("..") || name.equals(".")) {
                return "The sub-folder name must be a plain folder name.";
            }
        }
        if (s.mode() == OutputMode.FOLDER) {
            try {
                Path.of(s.folder());
            } catch (RuntimeException e) {
                return "The output folder is not a valid path.";
            }
        }
        return null;
    }
}
