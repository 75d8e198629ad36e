package dev.snapotter.control.backup;

import java.io.OutputStream;
import java.nio.file.Path;

/**
 * The VolumeTool commands run on the data volume (in a helper container, {@link HelperVolumeTool}). Each returns
 * how the command ended; a non-zero exit is a result, not an exception, so the restore procedure can decide.
 */
public interface DataVolumeTool {

    /** {@code backup --data /data --out F}; the archive is streamed into {@code out} when it succeeded. */
    HelperResult backup(boolean includeModels, char[] passphrase, OutputStream out);

    /** {@code verify --archive F} with the image's own schema limit. */
    HelperResult verify(Path archive, char[] passphrase);

    /** {@code restore --data /data --archive F}: data volume read-write; the server must be stopped. */
    HelperResult restore(Path archive, char[] passphrase);

    /** {@code rollback --data /data}: puts back the data the last restore replaced. */
    HelperResult rollback();

    /** {@code status --data /data}: prints whether a restore is pending ({@code "pending":true}); read-only. */
    HelperResult status();

    /** {@code commit --data /data}: the restored data stays; the replaced data and the journal are deleted. */
    HelperResult commit();
}
