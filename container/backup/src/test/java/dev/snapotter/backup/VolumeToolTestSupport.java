package dev.snapotter.backup;

import java.util.function.IntSupplier;

final class VolumeToolTestSupport {

    private VolumeToolTestSupport() {
    }

    /** A copy can by chance fall between two commits; a few tries make the "changed while copied" check observable. */
    static int retryUntilRefused(IntSupplier attempt) {
        int code = 0;
        for (int i = 0; i < 20 && code == 0; i++) code = attempt.getAsInt();
        return code;
    }
}
