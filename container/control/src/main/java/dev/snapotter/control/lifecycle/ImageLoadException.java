package dev.snapotter.control.lifecycle;

/** An image archive could not be loaded or is not a SnapOtter image; nothing was changed. */
public final class ImageLoadException extends ControlException {

    public ImageLoadException(String message) {
        super(message);
    }

    public ImageLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
