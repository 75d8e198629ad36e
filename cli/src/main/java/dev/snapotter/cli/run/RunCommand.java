package dev.snapotter.cli.run;

import dev.snapotter.cli.CliEnvironment;
import dev.snapotter.cli.ExitCodes;
import dev.snapotter.cli.support.ErrorReporter;
import dev.snapotter.cli.support.UserException;
import dev.snapotter.engine.ImageEngine;
import dev.snapotter.engine.batch.BatchRequest;
import dev.snapotter.engine.batch.BatchResult;
import dev.snapotter.engine.batch.CancellationToken;
import dev.snapotter.engine.batch.ConflictPolicy;
import dev.snapotter.engine.batch.NameTemplate;
import dev.snapotter.engine.pipeline.ValidatedPipeline;
import dev.snapotter.engine.tool.FieldError;
import dev.snapotter.engine.tool.InvalidSettingsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code snapotter run}: one pipeline over many files, written into one folder. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Run a pipeline over image files and folders.",
        description = {
                "Writes the results into DIR. Every step is validated before any file is touched. Originals are never modified; each output is "
                        + "written to a temporary file and renamed into place, so an interrupted run (Ctrl-C) leaves no "
                        + "partial files. A file that fails does not stop the others. Inside folders, files that are not "
                        + "a supported image type are listed and ignored.",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  snapotter run -p assets/samples/pipelines/web-ready.json -o web assets/samples",
                "  snapotter run -p p.json -o out --conflict skip -n '{name}-{tool}.{ext}' photos",
                "",
                "Exit codes: 0 all done, 1 some files failed, 2 usage error or invalid pipeline, "
                        + "3 I/O error, 70 internal error, 130 cancelled with Ctrl-C."})
public final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    /** Ignored files listed by name before the rest are summarised as a count. */
    private static final int IGNORED_SHOWN = 5;
    static final int MAX_JOBS = 256;

    @Option(names = {"-p", "--pipeline"}, required = true, paramLabel = "FILE",
            description = "Pipeline JSON, e.g. {\"steps\":[{\"toolId\":\"resize\",\"settings\":{\"width\":1200}}]}. '-' reads standard input.")
    Path pipelineFile;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
            description = "Output folder (created if missing).")
    Path outputDir;

    @Option(names = "--conflict", paramLabel = "POLICY", defaultValue = "rename", converter = ConflictOption.class,
            completionCandidates = ConflictOption.class,
            description = "When an output name already exists: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}. "
                    + "rename writes 'photo (1).jpg'; skip leaves the existing file.")
    ConflictPolicy conflict;

    @Option(names = {"-n", "--name-template"}, paramLabel = "T", defaultValue = BatchRequest.DEFAULT_TEMPLATE,
            description = "Output file name. Tokens: {name} (input name without extension), {ext} (output format's extension), "
                    + "{index} (1-based position), {tool} (tool ids joined by '-'). Default: ${DEFAULT-VALUE}")
    String nameTemplate;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", defaultValue = "0",
            description = "Files processed at once; 0 (default) picks from the CPU cores and the memory budget.")
    int jobs;

    @Option(names = {"-r", "--recursive"}, description = "Also process images in subfolders of INPUT folders.")
    boolean recursive;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Image files and/or folders.")
    List<Path> inputs;

    @Spec
    CommandSpec spec;

    private final CliEnvironment environment;

    public RunCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        if (jobs < 0 || jobs > MAX_JOBS) {
            throw new ParameterException(spec.commandLine(), "--jobs must be between 0 and " + MAX_JOBS + ", got " + jobs);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ImageEngine engine = environment.engine();

        ValidatedPipeline pipeline = loadPipeline(engine, err);
        if (pipeline == null) return ExitCodes.USAGE;
        checkNameTemplate();

        InputScan scan = new InputCollector(readableExtensions(engine), outputDir, recursive).collect(inputs);
        if (!scan.missing().isEmpty()) {
            throw new UserException(ExitCodes.USAGE, "not found: " + scan.missing().stream().map(Path::toString).collect(Collectors.joining(", ")));
        }
        reportScan(scan, err);
        if (scan.files().isEmpty()) {
            err.println("snapotter run: nothing to do: no supported images in " + inputs.stream().map(Path::toString).collect(Collectors.joining(", ")));
            return scan.problems().isEmpty() ? ExitCodes.OK : ExitCodes.SOME_FAILED;
        }
        prepareOutputDir();

        BatchRequest request = new BatchRequest(scan.files(), pipeline, outputDir, nameTemplate, conflict, jobs);
        ProgressView progress = ProgressView.create(environment.terminal(), out, err, Path.of(""));
        CancellationToken token = new CancellationToken();
        LOG.debug("running {} on {} files into {} (conflict {}, jobs {})", pipeline.toolChain(), scan.files().size(), outputDir, conflict, jobs);
        InterruptHook.Registration ctrlC = environment.interruptHook().install(token);
        try {
            BatchResult result = engine.runBatch(request, progress, token);
            return summarise(result, scan, out, err);
        } finally {
            // After the summary: a Ctrl-C shutdown waits for this before the JVM exits with 130.
            ctrlC.close();
        }
    }

    private ValidatedPipeline loadPipeline(ImageEngine engine, PrintWriter err) {
        try {
            return engine.validate(new PipelineLoader(environment.stdin()).load(pipelineFile));
        } catch (InvalidSettingsException e) {
            String source = pipelineFile.toString().equals("-") ? "(standard input)" : pipelineFile.toString();
            ErrorReporter.printFieldErrors(err, "snapotter run: error: invalid pipeline " + source, e);
            err.flush();
            return null;
        }
    }

    /** The engine checks the template too, but only once the batch runs; a typo should stop us before any work. */
    private void checkNameTemplate() {
        try {
            NameTemplate.parse(nameTemplate);
        } catch (InvalidSettingsException e) {
            String problems = e.errors().stream().map(FieldError::message).collect(Collectors.joining("; "));
            throw new ParameterException(spec.commandLine(), "--name-template '" + nameTemplate + "' " + problems);
        }
    }

    private static Set<String> readableExtensions(ImageEngine engine) {
        return engine.codec().readableFormats().stream().flatMap(f -> f.extensions().stream()).collect(Collectors.toSet());
    }

    private void reportScan(InputScan scan, PrintWriter err) {
        List<Path> ignored = scan.ignored();
        if (!ignored.isEmpty()) {
            String shown = ignored.stream().limit(IGNORED_SHOWN).map(Path::toString).collect(Collectors.joining(", "));
            String more = ignored.size() > IGNORED_SHOWN ? " and " + (ignored.size() - IGNORED_SHOWN) + " more" : "";
            err.println("note: ignored " + ignored.size() + " file(s) that are not a supported image type: " + shown + more);
        }
        scan.problems().forEach(p -> err.println("FAILED " + p));
        if (scan.unsearchedFolders() > 0) {
            err.println("note: " + scan.unsearchedFolders() + " subfolder(s) not searched; add --recursive to include them");
        }
        err.flush();
    }

    private void prepareOutputDir() {
        try {
            Files.createDirectories(outputDir);
        } catch (IOException e) {
            throw new UserException(ExitCodes.IO, "cannot create output folder " + outputDir + ": " + describe(e), e);
        }
        if (!Files.isWritable(outputDir)) {
            throw new UserException(ExitCodes.IO, "output folder " + outputDir + " is not writable");
        }
    }

    private int summarise(BatchResult result, InputScan scan, PrintWriter out, PrintWriter err) {
        RunSummary summary = RunSummary.of(result, scan.problems().size());
        out.println(summary.describe(outputDir));
        out.flush();
        if (summary.failed() > 0 && !result.cancelled()) {
            err.println("snapotter run: " + summary.failed() + " file(s) failed; see the FAILED lines above");
            err.flush();
        }
        return summary.exitCode();
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
