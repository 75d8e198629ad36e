package dev.snapotter.cli.run;

import java.nio.file.Path;
import java.util.List;

/**
 * What the command line's INPUT arguments expand to.
 *
 * @param files              images to process, in a stable order, each once
 * @param ignored            files inside folders that are not a supported image type (reported, not fatal)
 * @param missing            arguments that do not exist (a usage error: nothing runs)
 * @param problems           folders or entries that could not be read, with the reason (count as failures)
 * @param unsearchedFolders  subfolders left out because {@code --recursive} was not given
 */
public record InputScan(List<Path> files, List<Path> ignored, List<Path> missing, List<String> problems,
                        int unsearchedFolders) {

    public InputScan {
        files = List.copyOf(files);
        ignored = List.copyOf(ignored);
        missing = List.copyOf(missing);
        problems = List.copyOf(problems);
    }
}
