package dev.snapotter.engine.tool;

/**
 * A settings problem attached to the field it concerns, e.g. {@code {"path":"width","message":"must be ≤ 16383"}}.
 * In pipelines the path is prefixed with the step: {@code steps[1].settings.width}.
 */
public record FieldError(String path, String message) {

    public FieldError prefixed(String prefix) {
        return new FieldError(prefix + path, message);
    }
}
