package dev.snapotter.image.support;

import java.util.List;

/** Outcome of one CLI call; {@link #describe()} is what assertion messages show. */
public record ExecResult(List<String> command, int exitCode, String stdout, String stderr) {

    public boolean ok() {
        return exitCode == 0;
    }

    /** Standard output and error together, for "the log says …" assertions. */
    public String output() {
        return stdout + stderr;
    }

    public String describe() {
        return String.join(" ", command) + "\n  exit " + exitCode + "\n  stdout: " + abbreviate(stdout) + "\n  stderr: " + abbreviate(stderr);
    }

    private static String abbreviate(String s) {
        String t = s.strip();
        return t.length() <= 4000 ? t : t.substring(0, 2000) + "\n…\n" + t.substring(t.length() - 2000);
    }
}
