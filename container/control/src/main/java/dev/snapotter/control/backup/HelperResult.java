package dev.snapotter.control.backup;

/** How a helper container ended: its exit code and the tail of what it printed (stderr and stdout). */
public record HelperResult(int exitCode, String output) {

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** The last non-blank line: VolumeTool prints its one-line reason there. */
    public String lastLine() {
        String[] lines = output.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }
}
