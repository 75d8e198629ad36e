package dev.snapotter.cli;

import dev.snapotter.cli.run.InterruptHook;
import dev.snapotter.engine.ImageEngine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Supplier;

/** Runs the real command tree in-process with captured stdout and stderr. */
final class CliHarness {

    /** One engine for all tests: it is thread-safe and stateless between calls. */
    private static final ImageEngine ENGINE = ImageEngine.createDefault();

    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
        }
    }

    private Supplier<ImageEngine> engine = () -> ENGINE;
    private boolean terminal;
    private InterruptHook interruptHook = InterruptHook.NONE;
    private byte[] stdin = new byte[0];

    static ImageEngine engine() {
        return ENGINE;
    }

    CliHarness terminal(boolean value) {
        this.terminal = value;
        return this;
    }

    CliHarness interruptHook(InterruptHook hook) {
        this.interruptHook = hook;
        return this;
    }

    CliHarness stdin(String text) {
        this.stdin = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return this;
    }

    CliHarness engine(Supplier<ImageEngine> factory) {
        this.engine = factory;
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment env = new CliEnvironment(engine, terminal, interruptHook, new java.io.ByteArrayInputStream(stdin));
        int code = Cli.commandLine(env, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    static Result exec(String... args) {
        return new CliHarness().run(args);
    }
}
