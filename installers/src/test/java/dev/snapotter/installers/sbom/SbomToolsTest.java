package dev.snapotter.installers.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SbomToolsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode mavenBom() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"bomFormat":"CycloneDX","specVersion":"1.6",
                 "metadata":{"component":{"bom-ref":"pkg:maven/dev.snapotter/x@1?type=pom","name":"x"}},
                 "components":[
                  {"bom-ref":"pkg:maven/a/jackson-databind@2","group":"a","name":"jackson-databind","version":"2","purl":"pkg:maven/a/jackson-databind@2",
                   "licenses":[{"license":{"id":"Apache-2.0"}}],"hashes":[{"alg":"SHA-256","content":"abc"}]},
                  {"bom-ref":"pkg:maven/b/dual@1","group":"b","name":"dual","version":"1","purl":"pkg:maven/b/dual@1",
                   "licenses":[{"license":{"id":"EPL-2.0"}},{"license":{"name":"GPL2 w/ CPE"}}]}],
                 "dependencies":[{"ref":"pkg:maven/dev.snapotter/x@1?type=pom","dependsOn":["pkg:maven/a/jackson-databind@2","pkg:maven/b/dual@1"]}]}
                """);
    }

    @Test
    void debianPackagesGetDistroPurlsAndLicences() {
        List<DebianPackage> pkgs = DebianPackage.parse(List.of("libc6\t2.36-9+deb12u14\tamd64\tglibc\t2.36-9+deb12u14", "tini\t0.19.0-1+b3\tamd64\t\t"),
                Map.of("tini", List.of("Expat")));
        assertThat(pkgs.get(0).purl("debian-12.15")).isEqualTo("pkg:deb/debian/libc6@2.36-9%2Bdeb12u14?arch=amd64&upstream=glibc&distro=debian-12.15");
        assertThat(pkgs.get(1).source()).isEqualTo("tini");
        assertThat(pkgs.get(1).licences()).containsExactly("Expat");
        assertThatThrownBy(() -> DebianPackage.parse(List.of("garbage"), Map.of())).hasMessageContaining("not a dpkg-query line");
        assertThatThrownBy(() -> DebianPackage.parse(List.of(""), Map.of())).hasMessageContaining("no packages");
    }

    @Test
    void imageBomLinksDebianPackagesToTheOsAndSpdxMirrorsIt() throws Exception {
        CycloneDxEnricher e = new CycloneDxEnricher(mavenBom(), "container", "snapotter/snapotter", "1.0", "img@1.0");
        e.addDebian("12.15", DebianPackage.parse(List.of("tini\t0.19.0-1+b3\tamd64\ttini\t0.19.0-1", "bash\t5.2\tamd64\tbash\t5.2"),
                Map.of("tini", List.of("Expat"), "bash", List.of("GPL-3+", "GPL-3+_with_Bison_exception"))));
        e.addJavaRuntime(Map.of("JAVA_RUNTIME_VERSION", "25.0.3+9-LTS", "MODULES", "java.base"));
        JsonNode bom = e.bom();
        assertThat(bom.at("/metadata/component/name").asText()).isEqualTo("snapotter/snapotter");
        assertThat(bom.toString()).contains("\"ref\":\"img@1.0\"").doesNotContain("x@1?type=pom");
        assertThat(bom.toString()).contains("\"type\":\"operating-system\"").contains("\"id\":\"MIT\"").contains("GPL-3+ with Bison exception");

        JsonNode spdx = new SpdxConverter().convert(bom, "1.0");
        assertThat(spdx.path("packages")).hasSize(1 + bom.path("components").size());
        String all = spdx.toString();
        assertThat(all).contains("\"licenseDeclared\":\"EPL-2.0 OR LicenseRef-GPL2-w-CPE\"")            // Maven: a choice
                .contains("\"licenseDeclared\":\"GPL-3.0-or-later AND LicenseRef-Debian-GPL-3-with-Bison-exception\"") // Debian: per file
                .contains("\"checksumValue\":\"abc\"").contains("\"referenceLocator\":\"pkg:deb/debian/tini@0.19.0-1%2Bb3?arch=amd64&distro=debian-12.15\"")
                .contains("\"relationshipType\":\"DESCRIBES\"").contains("\"relationshipType\":\"DEPENDS_ON\"");
        assertThat(spdx.path("hasExtractedLicensingInfos").toString()).contains("LicenseRef-GPL2-w-CPE").contains("LicenseRef-Debian-GPL-3-with-Bison-exception");
    }
}
