package dev.snapotter.engine;

/**
 * The one exception the engine throws for input it cannot or will not process.
 * Every decode, probe and encode failure is translated into this type so callers
 * (server, CLI, desktop) can map {@link Kind} to a status code or a message
 * without inspecting ImageIO internals.
 */
public final class ImageException extends RuntimeException {

    /** Why the input was refused; stable, used by the server to choose HTTP codes. */
    public enum Kind {
        /** Zero bytes. */
        EMPTY,
        /** The stream ended before the image did. */
        TRUNCATED,
        /** The bytes claim a format but do not decode. */
        CORRUPT,
        /** Not an image, or a format this engine cannot read or write. */
        UNSUPPORTED_FORMAT,
        /** Declared dimensions exceed the megapixel limit (decompression bomb guard). */
        TOO_LARGE,
        /** The job would exceed its memory budget. */
        MEMORY_BUDGET,
        /** Reading or writing a file failed (permissions, full disk, ...). */
        IO
    }

    private final Kind kind;

    public ImageException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ImageException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
