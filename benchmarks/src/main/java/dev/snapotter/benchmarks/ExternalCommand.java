package dev.snapotter.benchmarks;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a libvips command line (or a shell pipeline of them) as the "same work" reference. */
final class ExternalCommand implements Timings.Work {

    private final List<String> command;

    private ExternalCommand(List<String> command) {
        this.command = command;
    }

    static ExternalCommand of(String... command) {
        return new ExternalCommand(List.of(command));
    }

    static ExternalCommand shell(String script) {
        return new ExternalCommand(List.of("bash", "-c", script));
    }

    @Override
    public void run() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + new String(output));
        }
    }
}
