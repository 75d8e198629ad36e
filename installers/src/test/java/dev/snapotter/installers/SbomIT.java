package dev.snapotter.installers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped SBOMs list what ships: CycloneDX and SPDX for the desktop app and for the image, the same
 * components in both formats, and the licence report covers every dependency.
 */
class SbomIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode read(String name) throws IOException {
        var file = Outputs.sbom(name);
        assertThat(file).as("SBOM written by installers/sbom/make-sboms.sh").isRegularFile();
        return JSON.readTree(file.toFile());
    }

    private static Set<String> cdxNames(JsonNode bom) {
        Set<String> names = new HashSet<>();
        bom.path("components").forEach(c -> names.add(c.path("name").asText()));
        return names;
    }

    private static Set<String> spdxNames(JsonNode doc) {
        Set<String> names = new HashSet<>();
        doc.path("packages").forEach(p -> {
            String n = p.path("name").asText();
            names.add(n.contains(":") ? n.substring(n.indexOf(':') + 1) : n);
        });
        return names;
    }

    @Test
    void desktopSbomsListTheAppsLibrariesAndRuntime() throws IOException {
        String v = Outputs.version();
        JsonNode cdx = read("snapotter-desktop-" + v + ".cdx.json");
        assertThat(cdx.path("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(cdx.path("metadata").path("component").path("name").asText()).isEqualTo("snapotter-desktop");
        Set<String> names = cdxNames(cdx);
        assertThat(names).contains("jackson-databind", "javafx-graphics", "javafx-controls", "docker-java-core",
                "docker-java-transport-zerodep", "logback-classic", "picocli", "snapotter-engine", "snapotter-cli", "java-runtime");
        assertThat(names).doesNotContain("junit-jupiter-api", "assertj-core", "testfx-junit5");
        // Licences came from the POMs (Jackson: Apache-2.0).
        assertThat(component(cdx, "jackson-databind").path("licenses").toString()).contains("Apache-2.0");

        JsonNode spdx = read("snapotter-desktop-" + v + ".spdx.json");
        assertSpdxValidShape(spdx);
        assertThat(spdxNames(spdx)).containsAll(names);
    }

    @Test
    void imageSbomsListTheServersLibrariesAndTheDebianPackages() throws IOException {
        String v = Outputs.version();
        JsonNode cdx = read("snapotter-image-" + v + ".cdx.json");
        assertThat(cdx.path("metadata").path("component").path("type").asText()).isEqualTo("container");
        Set<String> names = cdxNames(cdx);
        assertThat(names).contains("jackson-databind", "javalin", "sqlite-jdbc", "flyway-core", "snapotter-server", "snapotter-engine");
        assertThat(names).as("the server runs the AI tools").contains("snapotter-ai", "onnxruntime");
        boolean debianPart = names.contains("debian");
        if (Outputs.ci()) {
            assertThat(debianPart).as("CI builds the image first, so its SBOM lists the rootfs' Debian packages").isTrue();
        }
        if (debianPart) {
            // Debian's runtime packages of the image (no JDK package: the Java runtime is jlinked, listed separately).
            assertThat(names).contains("tini", "gosu", "curl", "ca-certificates", "libc6", "fontconfig", "java-runtime", "libvips42");
            assertThat(names).noneMatch(n -> n.startsWith("openjdk-"));
            JsonNode tini = component(cdx, "tini");
            assertThat(tini.path("purl").asText()).startsWith("pkg:deb/debian/tini@").contains("distro=debian-12");
            assertThat(tini.path("licenses").toString()).contains("MIT");
            assertThat(Outputs.out().resolve("licences/THIRD-PARTY-image-debian.txt")).content().contains(" gosu ").contains(" tini ");
        } else {
            System.err.println("SbomIT: the image SBOM has no Debian part (no Docker daemon or no image when it was made); Debian checks skipped");
        }
        JsonNode spdx = read("snapotter-image-" + v + ".spdx.json");
        assertSpdxValidShape(spdx);
        assertThat(spdxNames(spdx)).containsAll(names);
    }

    @Test
    void licenceReportCoversEveryDependency() throws IOException {
        String desktop = Files.readString(Outputs.out().resolve("licences/THIRD-PARTY-desktop.txt"));
        assertThat(desktop).contains("jackson-databind").contains("docker-java-core").contains("javafx-graphics");
        String image = Files.readString(Outputs.out().resolve("licences/THIRD-PARTY-image-java.txt"));
        assertThat(image).contains("javalin").contains("sqlite-jdbc");
    }

    private static JsonNode component(JsonNode bom, String name) {
        for (JsonNode c : bom.path("components")) if (c.path("name").asText().equals(name)) return c;
        throw new AssertionError("no component " + name);
    }

    /** The fields SPDX 2.3 requires, a unique SPDXID per package and a DESCRIBES relationship. */
    private static void assertSpdxValidShape(JsonNode spdx) {
        assertThat(spdx.path("spdxVersion").asText()).isEqualTo("SPDX-2.3");
        assertThat(spdx.path("dataLicense").asText()).isEqualTo("CC0-1.0");
        assertThat(spdx.path("documentNamespace").asText()).startsWith("https://");
        Set<String> ids = new HashSet<>();
        for (JsonNode p : spdx.path("packages")) {
            for (String field : List.of("SPDXID", "name", "downloadLocation", "licenseConcluded", "licenseDeclared", "copyrightText")) {
                assertThat(p.hasNonNull(field)).as("%s has %s", p.path("name"), field).isTrue();
            }
            assertThat(ids.add(p.path("SPDXID").asText())).as("unique SPDXID %s", p.path("SPDXID")).isTrue();
        }
        Set<String> refs = new HashSet<>();
        spdx.path("hasExtractedLicensingInfos").forEach(e -> refs.add(e.path("licenseId").asText()));
        for (JsonNode p : spdx.path("packages")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("LicenseRef-[A-Za-z0-9.-]+").matcher(p.path("licenseDeclared").asText());
            while (m.find()) assertThat(refs).as("extracted licence for %s", m.group()).contains(m.group());
        }
        assertThat(spdx.path("relationships").toString()).contains("DESCRIBES");
    }
}
