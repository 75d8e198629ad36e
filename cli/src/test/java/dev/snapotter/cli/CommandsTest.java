package dev.snapotter.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snapotter.cli.CliHarness.Result;
import dev.snapotter.engine.tool.ToolDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.snapotter.cli.CliHarness.exec;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code tools}, {@code info}, help, version and usage errors, in-process. */
class CommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void toolsListsEveryCatalogueToolWithItsParameters() {
        Result r = exec("tools");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        for (ToolDescriptor d : CliHarness.engine().catalog().descriptors()) {
            assertThat(r.out()).contains(d.id() + "  " + d.name());
            d.params().forEach(p -> assertThat(r.out()).contains("    " + p.name() + " "));
        }
        assertThat(r.out()).contains("integer 1..16383");
    }

    @Test
    void toolsJsonIsTheEngineDescriptorsVerbatim() throws Exception {
        Result r = exec("tools", "--json");

        assertThat(r.exitCode()).isZero();
        List<Map<String, Object>> tools = JSON.readValue(r.out(), new TypeReference<>() { });
        List<ToolDescriptor> expected = CliHarness.engine().catalog().descriptors();
        assertThat(tools).extracting(t -> t.get("id")).containsExactlyElementsOf(expected.stream().map(ToolDescriptor::id).toList());
        Map<String, Object> resize = tools.stream().filter(t -> t.get("id").equals("resize")).findFirst().orElseThrow();
        assertThat(resize.get("pipelineCapable")).isEqualTo(true);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> params = (List<Map<String, Object>>) resize.get("params");
        Map<String, Object> width = params.stream().filter(p -> p.get("name").equals("width")).findFirst().orElseThrow();
        assertThat(width).containsEntry("type", "INTEGER").containsEntry("max", 16383);
    }

    @Test
    void toolsCanBeFilteredAndAnUnknownIdIsAUsageError() {
        Result one = exec("tools", "rotate");
        assertThat(one.exitCode()).isZero();
        assertThat(one.out()).startsWith("rotate  ").doesNotContain("resize  ");

        Result bad = exec("tools", "rotate", "teleport");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("unknown tool teleport").contains("known tools: resize");
    }

    @Test
    void infoReportsWhatTheEngineReports() throws Exception {
        Path image = TestImages.write(tmp.resolve("photo.jpg"), 320, 200);

        Result json = exec("info", "--json", image.toString());
        Result text = exec("info", image.toString());

        assertThat(json.exitCode()).as(json.toString()).isZero();
        Map<String, Object> parsed = JSON.readValue(json.out(), new TypeReference<>() { });
        Map<String, Object> expected = JSON.readValue(JSON.writeValueAsString(
                CliHarness.engine().report("info", image, Map.of())), new TypeReference<>() { });
        assertThat(parsed).isEqualTo(expected);
        assertThat(json.out()).contains("320").contains("200");
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("320").contains("200").doesNotContain("{");
    }

    @Test
    void infoOnANonImageFailsCleanly() {
        Path notes = TestImages.text(tmp.resolve("notes.jpg"), "this is text wearing a .jpg extension");

        Result r = exec("info", notes.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(r.err()).contains("notes.jpg").doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void infoOnAMissingFileIsAUsageError() {
        Result r = exec("info", tmp.resolve("gone.png").toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("not found").contains("gone.png");
    }

    @Test
    void infoBackendNamesTheCodec() {
        Result r = exec("info", "--backend");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("backend: " + CliHarness.engine().codec().name()).contains("reads: ").contains("jpeg");
        if ("true".equalsIgnoreCase(String.valueOf(System.getenv("CI")).strip())) {
            // CI installs libvips-tools (and so libvips42): the default must be libvips, not a silent Java fallback
            assertThat(r.out()).as("CI=true: libvips is installed, so info --backend must report it").contains("backend: libvips");
        }
        assertThat(exec("info").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "run", "tools", "info", "help"})
    void helpWorksEverywhere(String command) {
        Result r = command.isEmpty() ? exec("--help") : exec(command, "--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: snapotter");
    }

    @Test
    void versionNamesTheBuild() {
        Result r = exec("--version");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("snapotter ").doesNotContain("${project.version}").contains("Java ");
        assertThat(VersionProvider.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void usageErrorsExitWith2AndAHint() {
        Result unknown = exec("frobnicate");
        Result badOption = exec("tools", "--colour");
        Result bare = exec();

        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("Unmatched argument").contains("Try 'snapotter --help'");
        assertThat(badOption.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badOption.err()).contains("Unknown option: '--colour'").contains("Try 'snapotter tools --help'");
        assertThat(bare.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bare.err()).contains("Commands:");
    }

    @Test
    void verboseIsAcceptedOnEveryCommand() {
        assertThat(exec("-v", "tools", "crop").exitCode()).isZero();
        assertThat(exec("tools", "-v", "crop").exitCode()).isZero();
    }

    @Test
    void anUnexpectedFailureIsAnInternalErrorWithoutAStackTrace() {
        Result r = new CliHarness().engine(() -> {
            throw new IllegalStateException("boom");
        }).run("tools");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.INTERNAL);
        assertThat(r.err()).contains("internal error: java.lang.IllegalStateException: boom").contains("Rerun with -v")
                .doesNotContain("\tat ");
    }
}
