package dev.snapotter.cli;

import dev.snapotter.cli.support.Logging;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Entry point of the {@code snapotter} launcher. The only class in the CLI that touches the
 * standard streams; everything else writes to the PrintWriters picocli hands out, which is
 * what lets the tests run every command in-process with captured output.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Logging.useCliConfiguration();
        PrintWriter out = writer(System.out, "stdout.encoding");
        PrintWriter err = writer(System.err, "stderr.encoding");
        int code = Cli.commandLine(CliEnvironment.system(), out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * The platform encoding, except that a plain-ASCII locale (C/POSIX, common in containers and CI)
     * gets UTF-8 so messages such as "must be ≤ 16383" are not turned into question marks.
     */
    private static PrintWriter writer(PrintStream stream, String encodingProperty) {
        Charset cs;
        try {
            cs = Charset.forName(System.getProperty(encodingProperty, "UTF-8"));
        } catch (RuntimeException e) {
            cs = StandardCharsets.UTF_8;
        }
        if (cs.equals(StandardCharsets.US_ASCII)) cs = StandardCharsets.UTF_8;
        return new PrintWriter(new OutputStreamWriter(stream, cs), true);
    }
}
