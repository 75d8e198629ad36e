package dev.snapotter.cli.run;

import dev.snapotter.engine.batch.BatchListener;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Shows a batch's progress. A terminal gets a redrawn bar; pipes and files get one plain line per
 * file so logs stay readable. Failures always go to stderr, one line each, as they happen.
 */
public interface ProgressView extends BatchListener {

    static ProgressView create(boolean terminal, PrintWriter out, PrintWriter err, Path workingDir) {
        PathDisplay paths = new PathDisplay(workingDir);
        return terminal ? new TerminalProgressBar(out, err, paths, System::nanoTime) : new PlainProgress(out, err, paths);
    }
}
