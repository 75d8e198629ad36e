package dev.snapotter.cli.backup;

import dev.snapotter.cli.ExitCodes;
import dev.snapotter.cli.support.UserException;
import java.io.Console;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Option;

/**
 * Where a backup passphrase comes from: a file (first line) or a prompt on the terminal. Never an argument, so it
 * cannot end up in the shell history or in {@code ps}. {@code SNAPOTTER_BACKUP_PASSPHRASE_FILE} is the default
 * file, as for the server's VolumeTool.
 */
public final class PassphraseOptions {

    static final String ENV = "SNAPOTTER_BACKUP_PASSPHRASE_FILE";

    @Option(names = "--passphrase-file", paramLabel = "FILE", defaultValue = "${env:" + ENV + "}",
            description = "Read the passphrase from the first line of FILE (default: $" + ENV + ").")
    Path file;

    @Option(names = "--ask-passphrase", description = "Prompt for the passphrase on the terminal (input hidden).")
    boolean ask;

    /** True when the caller gave a way to get a passphrase. */
    boolean given() {
        return file != null || ask;
    }

    /** The passphrase, or null when none was asked for; {@code confirm} prompts twice (a new backup). */
    char[] read(boolean confirm) {
        if (file != null && ask) throw new UserException(ExitCodes.USAGE, "give --passphrase-file or --ask-passphrase, not both");
        if (file != null) return fromFile(file);
        if (!ask) return null;
        Console console = System.console();
        if (console == null || !console.isTerminal()) {
            throw new UserException(ExitCodes.USAGE, "--ask-passphrase needs a terminal; use --passphrase-file FILE");
        }
        char[] first = console.readPassword("Backup passphrase: ");
        if (first == null || first.length == 0) throw new UserException(ExitCodes.USAGE, "the passphrase is empty");
        if (confirm) {
            char[] again = console.readPassword("Repeat the passphrase: ");
            boolean same = Arrays.equals(first, again);
            if (again != null) Arrays.fill(again, '\0');
            if (!same) {
                Arrays.fill(first, '\0');
                throw new UserException(ExitCodes.USAGE, "the two passphrases differ");
            }
        }
        return first;
    }

    static char[] fromFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserException(ExitCodes.USAGE, "cannot read the passphrase file " + file + ": " + e.getMessage());
        }
        try {
            int end = 0;
            while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') end++;
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, end));
            char[] out = new char[chars.remaining()];
            chars.get(out);
            Arrays.fill(chars.array(), '\0');
            if (out.length == 0) throw new UserException(ExitCodes.USAGE, "the passphrase file " + file + " is empty");
            return out;
        } catch (CharacterCodingException e) {
            throw new UserException(ExitCodes.USAGE, "the passphrase file " + file + " is not UTF-8 text");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    static void wipe(char[] passphrase) {
        if (passphrase != null) Arrays.fill(passphrase, '\0');
    }
}
