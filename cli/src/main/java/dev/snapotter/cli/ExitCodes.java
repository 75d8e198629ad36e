package dev.snapotter.cli;

/**
 * The exit codes every {@code snapotter} command uses. Documented in docs/cli.md and in
 * {@code snapotter --help}; scripts rely on them, so they never change meaning.
 */
public final class ExitCodes {

    /** Everything asked for was done (files skipped by {@code --conflict skip} count as done). */
    public static final int OK = 0;
    /** At least one file failed (unreadable, corrupt, too large); the others were processed. */
    public static final int SOME_FAILED = 1;
    /** The command line was wrong: unknown option, invalid pipeline, unknown tool, a path that does not exist. */
    public static final int USAGE = 2;
    /** Reading or writing failed outside any one image: pipeline file unreadable, output folder not writable. */
    public static final int IO = 3;
    /** Backups: the archive was refused (corrupt, truncated, tampered, unsafe, newer schema, wrong passphrase);
     *  a restore refused it before anything was stopped or changed. */
    public static final int REFUSED = 4;
    /** Restore: a step after the server was stopped failed; the previous data was put back and runs again. */
    public static final int ROLLED_BACK = 5;
    /** Restore: a step failed AND putting the previous data back failed; the safety backup is the way back. */
    public static final int ROLLBACK_FAILED = 6;
    /** A bug in SnapOtter (reported with a hint to rerun with -v). Same value as sysexits' EX_SOFTWARE. */
    public static final int INTERNAL = 70;
    /** Cancelled with Ctrl-C (128 + SIGINT, what shells expect). */
    public static final int CANCELLED = 130;

    /** The text block shown at the end of {@code snapotter --help}. */
    static final String HELP_SECTION = """
            Exit codes:
              0    everything done
              1    some files failed (the others were processed)
              2    usage error: bad option, invalid pipeline, unknown tool, missing path
              3    I/O error: pipeline file unreadable, output folder not writable, Docker or server unreachable
              4    backup refused: corrupt, tampered, unsafe, newer schema or wrong passphrase (nothing changed)
              5    restore failed after the stop and was rolled back (the previous data runs again)
              6    restore and its rollback failed (use the safety backup it names)
              70   internal error (please report it; rerun with -v for details)
              130  cancelled with Ctrl-C (no partial files are left behind)
            """;

    private ExitCodes() {
    }
}
