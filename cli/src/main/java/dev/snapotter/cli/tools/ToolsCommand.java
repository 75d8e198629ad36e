package dev.snapotter.cli.tools;

import dev.snapotter.cli.CliEnvironment;
import dev.snapotter.cli.ExitCodes;
import dev.snapotter.cli.support.Json;
import dev.snapotter.cli.support.UserException;
import dev.snapotter.engine.tool.ToolCatalog;
import dev.snapotter.engine.tool.ToolDescriptor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code snapotter tools}: the engine's tool descriptions, as text or JSON. Nothing here is a second copy of them. */
@Command(name = "tools", mixinStandardHelpOptions = true, sortOptions = false,
        header = "List the tools and their parameters.",
        description = {"Lists the tools and their parameters: the settings keys of a pipeline step, with type, "
                + "range, default and help. Tools marked 'pipeline' can be steps of 'snapotter run'; report tools "
                + "such as info cannot.", ""},
        footerHeading = "%nExamples:%n",
        footer = {"  snapotter tools", "  snapotter tools resize crop", "  snapotter tools --json > tools.json"})
public final class ToolsCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Machine-readable output: an array of tool descriptors.")
    boolean json;

    @Parameters(arity = "0..*", paramLabel = "TOOL", description = "Only these tool ids (default: all).")
    List<String> ids = new ArrayList<>();

    @Spec
    CommandSpec spec;

    private final CliEnvironment environment;

    public ToolsCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        List<ToolDescriptor> selected = select(environment.engine().catalog());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(selected));
        } else {
            ToolsText.render(selected, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private List<ToolDescriptor> select(ToolCatalog catalog) {
        if (ids.isEmpty()) return catalog.descriptors();
        List<ToolDescriptor> out = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String id : ids) {
            catalog.find(id).ifPresentOrElse(t -> out.add(t.descriptor()), () -> unknown.add(id));
        }
        if (!unknown.isEmpty()) {
            List<String> known = catalog.descriptors().stream().map(ToolDescriptor::id).toList();
            throw new UserException(ExitCodes.USAGE, "unknown tool " + String.join(", ", unknown) + "; known tools: " + String.join(", ", known));
        }
        return out;
    }
}
