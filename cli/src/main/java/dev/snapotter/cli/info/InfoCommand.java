package dev.snapotter.cli.info;

import dev.snapotter.cli.CliEnvironment;
import dev.snapotter.cli.ExitCodes;
import dev.snapotter.cli.support.Json;
import dev.snapotter.cli.support.UserException;
import dev.snapotter.engine.ImageEngine;
import dev.snapotter.engine.ImageException;
import dev.snapotter.engine.codec.ImageCodec;
import dev.snapotter.engine.codec.ImageFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code snapotter info FILE}: the engine's {@code info} report (dimensions, format, metadata), or the active backend. */
@Command(name = "info", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Describe an image file (or the active codec backend).",
        description = {"Shows what the engine's info tool reports about an image: format, dimensions, "
                + "orientation, colour and metadata. The file is only read, never changed.", ""},
        footerHeading = "%nExamples:%n",
        footer = {"  snapotter info assets/samples/portrait-exif6.jpg", "  snapotter info --json photo.jpg | jq .width",
                "  snapotter info --backend"})
public final class InfoCommand implements Callable<Integer> {

    static final String INFO_TOOL = "info";

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    @Option(names = "--backend", description = "Show the active codec backend and the formats it reads and writes, instead of a file report.")
    boolean backend;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The image to describe.")
    Path file;

    @Spec
    CommandSpec spec;

    private final CliEnvironment environment;

    public InfoCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        if (backend == (file != null)) {
            throw new ParameterException(spec.commandLine(), backend ? "give either FILE or --backend, not both" : "missing FILE (or --backend)");
        }
        ImageEngine engine = environment.engine();
        Map<String, Object> report = backend ? backendReport(engine.codec()) : fileReport(engine);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(report));
        } else {
            ReportText.render(report, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private Map<String, Object> fileReport(ImageEngine engine) {
        if (Files.isDirectory(file)) throw new UserException(ExitCodes.USAGE, file + " is a folder; give an image file");
        if (!Files.exists(file)) throw new UserException(ExitCodes.USAGE, "not found: " + file);
        if (!Files.isReadable(file)) throw new UserException(ExitCodes.IO, "cannot read " + file + ": permission denied");
        try {
            return engine.report(INFO_TOOL, file, Map.of());
        } catch (ImageException e) {
            int code = e.kind() == ImageException.Kind.IO ? ExitCodes.IO : ExitCodes.SOME_FAILED;
            throw new UserException(code, file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> backendReport(ImageCodec codec) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("backend", codec.name());
        report.put("version", codec.version());
        String whyNotVips = dev.snapotter.engine.codec.CodecSelection.vipsUnavailableReason();
        if (!codec.name().equals("libvips") && whyNotVips != null) report.put("libvips", "not available: " + whyNotVips);
        report.put("reads", names(codec.readableFormats()));
        report.put("writes", names(codec.writableFormats()));
        return report;
    }

    private static java.util.List<String> names(Set<ImageFormat> formats) {
        return formats.stream().sorted().map(f -> f.name().toLowerCase(Locale.ROOT)).toList();
    }
}
