package dev.snapotter.installers.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns the Maven-only CycloneDX BOM the cyclonedx-maven-plugin writes into the SBOM of what ships: it renames the
 * root component (the app or the container image) and adds what Maven cannot see — the jlinked Java runtime and,
 * for the image, the Debian operating system with every installed package (linked to it, the layout Trivy and
 * Grype read OS packages from).
 */
public final class CycloneDxEnricher {

    private final ObjectNode bom;
    private final String rootRef;

    public CycloneDxEnricher(ObjectNode mavenBom, String rootType, String rootName, String version, String rootRef) {
        this.bom = mavenBom;
        this.rootRef = rootRef;
        ObjectNode metadata = bom.withObject("/metadata");
        String oldRef = metadata.path("component").path("bom-ref").asText("");
        ObjectNode root = metadata.putObject("component");
        root.put("type", rootType).put("bom-ref", rootRef).put("name", rootName).put("version", version);
        root.putArray("licenses").addObject().putObject("license").put("id", "AGPL-3.0-or-later");
        bom.put("serialNumber", "urn:uuid:" + UUID.randomUUID());
        for (JsonNode dep : bom.withArray("/dependencies")) {
            if (dep.path("ref").asText().equals(oldRef)) ((ObjectNode) dep).put("ref", rootRef);
        }
    }

    public ObjectNode bom() {
        return bom;
    }

    /** The Java runtime linked into the app or image, from its {@code release} file. */
    public CycloneDxEnricher addJavaRuntime(Map<String, String> release) {
        String version = release.getOrDefault("JAVA_RUNTIME_VERSION", release.getOrDefault("JAVA_VERSION", "unknown"));
        ObjectNode c = components().addObject();
        c.put("type", "framework").put("bom-ref", "java-runtime").put("name", "java-runtime").put("version", version);
        if (release.containsKey("IMPLEMENTOR")) c.putObject("supplier").put("name", release.get("IMPLEMENTOR"));
        c.put("description", "jlinked Java runtime; modules: " + release.getOrDefault("MODULES", "?"));
        c.put("purl", "pkg:generic/openjdk-runtime@" + version);
        c.putArray("licenses").addObject().put("expression", "GPL-2.0-only WITH Classpath-exception-2.0");
        dependsOn(rootRef, List.of("java-runtime"));
        return this;
    }

    /** The Debian OS component and its packages ({@code distro} like "debian-12.15"). */
    public CycloneDxEnricher addDebian(String debianVersion, List<DebianPackage> packages) {
        String distro = "debian-" + debianVersion;
        ObjectNode os = components().addObject();
        os.put("type", "operating-system").put("bom-ref", "os-debian").put("name", "debian").put("version", debianVersion);
        List<String> refs = new java.util.ArrayList<>();
        for (DebianPackage p : packages) {
            String purl = p.purl(distro);
            ObjectNode c = components().addObject();
            c.put("type", "library").put("bom-ref", purl).put("name", p.name()).put("version", p.version()).put("purl", purl);
            ArrayNode licences = c.putArray("licenses");
            for (String dep5 : p.licences()) {
                ObjectNode l = licences.addObject().putObject("license");
                LicenceNames.fromDebian(dep5).filter(id -> !id.startsWith("LicenseRef-"))
                        .ifPresentOrElse(id -> l.put("id", id), () -> l.put("name", dep5.replace('_', ' ')));
            }
            if (licences.isEmpty()) c.remove("licenses");
            ArrayNode props = c.putArray("properties");
            props.addObject().put("name", "syft:package:type").put("value", "deb");
            props.addObject().put("name", "debian:source").put("value", p.source() + "@" + p.sourceVersion());
            refs.add(purl);
        }
        dependsOn("os-debian", refs);
        dependsOn(rootRef, List.of("os-debian"));
        return this;
    }

    private ArrayNode components() {
        return bom.withArray("/components");
    }

    private void dependsOn(String ref, List<String> refs) {
        ArrayNode deps = bom.withArray("/dependencies");
        ObjectNode entry = null;
        for (JsonNode d : deps) {
            if (d.path("ref").asText().equals(ref)) entry = (ObjectNode) d;
        }
        if (entry == null) {
            entry = deps.addObject();
            entry.put("ref", ref);
        }
        ArrayNode on = entry.withArray("/dependsOn");
        refs.forEach(on::add);
    }
}
