package dev.snapotter.engine.tool;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown before any pixel work when settings (or a pipeline) do not validate. */
public final class InvalidSettingsException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidSettingsException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.path() + ": " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
