package dev.snapotter.cli.backup;

import dev.snapotter.backup.BackupRejectedException;
import dev.snapotter.backup.BackupSummary;
import dev.snapotter.backup.BackupVerifier;
import dev.snapotter.cli.ExitCodes;
import dev.snapotter.cli.support.UserException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code snapotter verify-backup FILE}: checks a backup completely, offline, without changing anything. */
@Command(name = "verify-backup", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Check a backup file completely (offline).",
        description = {"Reads the whole archive: decryption, structure, safe entry names, manifest first, and every "
                + "file's size and SHA-256 against the manifest. Nothing is written. Whether the database schema "
                + "suits a particular server is checked by 'snapotter restore', which asks that server's image.", ""},
        footerHeading = "%nExamples:%n",
        footer = {"  snapotter verify-backup snapotter-backup-20261125-101500.tar.gz",
                "  snapotter verify-backup --passphrase-file ~/.config/snapotter/backup-pass backup.tar.gz"})
public final class VerifyBackupCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The backup archive.")
    Path file;

    @Mixin
    PassphraseOptions passphrase;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        requireFile(file);
        char[] pass = passphrase.read(false);
        try {
            boolean encrypted = BackupVerifier.isEncrypted(file);
            BackupSummary summary = BackupVerifier.verify(file, pass, Integer.MAX_VALUE);
            out.println("OK " + file + ": a complete SnapOtter backup; every checksum matches.");
            BackupText.summary(summary, encrypted, out);
            out.flush();
            return ExitCodes.OK;
        } catch (BackupRejectedException e) {
            err.println("snapotter verify-backup: REFUSED " + file + " (" + e.reason() + "): " + e.getMessage());
            err.flush();
            return ExitCodes.REFUSED;
        } catch (IOException e) {
            throw new UserException(ExitCodes.IO, "cannot read " + file + ": " + e.getMessage(), e);
        } finally {
            PassphraseOptions.wipe(pass);
        }
    }

    static void requireFile(Path file) {
        if (Files.isDirectory(file)) throw new UserException(ExitCodes.USAGE, file + " is a folder; give a backup file");
        if (!Files.exists(file)) throw new UserException(ExitCodes.USAGE, "not found: " + file);
        if (!Files.isReadable(file)) throw new UserException(ExitCodes.IO, "cannot read " + file + ": permission denied");
    }
}
