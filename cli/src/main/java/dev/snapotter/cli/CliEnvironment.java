package dev.snapotter.cli;

import dev.snapotter.cli.run.InterruptHook;
import dev.snapotter.engine.ImageEngine;

import java.io.Console;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the commands need from the outside world, injected so tests run the real commands
 * in-process: the engine (created lazily, so {@code --help} never builds one), whether stdout
 * is an interactive terminal (progress bar vs. plain lines) and how Ctrl-C reaches a batch.
 */
public final class CliEnvironment {

    private final Supplier<ImageEngine> engineFactory;
    private final boolean terminal;
    private final InterruptHook interruptHook;
    private final InputStream stdin;
    private ImageEngine engine;

    public CliEnvironment(Supplier<ImageEngine> engineFactory, boolean terminal, InterruptHook interruptHook) {
        this(engineFactory, terminal, interruptHook, System.in);
    }

    /** @param stdin where {@code --pipeline -} reads from */
    public CliEnvironment(Supplier<ImageEngine> engineFactory, boolean terminal, InterruptHook interruptHook, InputStream stdin) {
        this.engineFactory = Objects.requireNonNull(engineFactory);
        this.terminal = terminal;
        this.interruptHook = Objects.requireNonNull(interruptHook);
        this.stdin = Objects.requireNonNull(stdin);
    }

    /** The real process: default engine limits, TTY detection, Ctrl-C via a shutdown hook. */
    public static CliEnvironment system() {
        return new CliEnvironment(ImageEngine::createDefault, stdoutIsTerminal(), InterruptHook.shutdownHook());
    }

    public synchronized ImageEngine engine() {
        if (engine == null) engine = engineFactory.get();
        return engine;
    }

    public boolean terminal() {
        return terminal;
    }

    public InterruptHook interruptHook() {
        return interruptHook;
    }

    public InputStream stdin() {
        return stdin;
    }

    /**
     * Since JDK 22 {@code System.console()} is non-null even when output is redirected, so
     * {@link Console#isTerminal()} decides. A dumb terminal gets plain lines too.
     */
    static boolean stdoutIsTerminal() {
        Console console = System.console();
        return console != null && console.isTerminal() && !"dumb".equals(System.getenv("TERM"));
    }
}
