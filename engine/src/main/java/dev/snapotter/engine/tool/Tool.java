package dev.snapotter.engine.tool;

import java.util.List;

/**
 * A catalogue entry. Either an {@link ImageTool} (image in, image out; may be a pipeline step)
 * or a {@link ReportTool} (image in, JSON-shaped report out, e.g. {@code info}).
 */
public sealed interface Tool permits ImageTool, ReportTool {

    ToolDescriptor descriptor();

    /**
     * Checks that involve several fields (e.g. resize needs width, height or percentage).
     * Called after per-field validation; returns an empty list when the combination is valid.
     */
    default List<FieldError> crossCheck(Settings settings) {
        return List.of();
    }

    /** Validates raw settings: field checks, then {@link #crossCheck}. */
    default Settings validate(java.util.Map<String, ?> raw) {
        Settings s = Settings.validate(descriptor(), raw);
        List<FieldError> errors = crossCheck(s);
        if (!errors.isEmpty()) throw new InvalidSettingsException(errors);
        return s;
    }
}
