package dev.snapotter.desktop.output;

import dev.snapotter.engine.batch.BatchRequest;
import dev.snapotter.engine.batch.ConflictPolicy;

/**
 * The output half of a preset: where files go, how they are named, what happens on a name clash
 * (decided before the run, never asked mid-run), and whether metadata is kept.
 */
public record OutputSettings(OutputMode mode, String subfolderName, String folder, String nameTemplate,
                             ConflictPolicy conflict, boolean keepMetadata) {

    public static final String DEFAULT_SUBFOLDER = "snapotter";
    public static final OutputSettings DEFAULT = new OutputSettings(OutputMode.BESIDE_ORIGINALS, DEFAULT_SUBFOLDER, "",
            BatchRequest.DEFAULT_TEMPLATE, ConflictPolicy.RENAME, true);

    public OutputSettings {
        mode = mode == null ? OutputMode.BESIDE_ORIGINALS : mode;
        subfolderName = subfolderName == null || subfolderName.isBlank() ? DEFAULT_SUBFOLDER : subfolderName;
        folder = folder == null ? "" : folder;
        nameTemplate = nameTemplate == null || nameTemplate.isBlank() ? BatchRequest.DEFAULT_TEMPLATE : nameTemplate;
        conflict = conflict == null ? ConflictPolicy.RENAME : conflict;
    }
}
