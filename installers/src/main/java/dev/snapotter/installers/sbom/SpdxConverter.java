package dev.snapotter.installers.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes an SPDX 2.3 JSON document with the same content as a CycloneDX BOM: one package per component (purl as
 * external reference, hashes as checksums, declared licences as an SPDX expression), the root described by the
 * document, and DEPENDS_ON relationships from the CycloneDX dependency graph. One source of truth (the CycloneDX
 * BOM), so the two formats cannot drift apart.
 */
public final class SpdxConverter {

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> extractedLicences = new LinkedHashMap<>();

    public ObjectNode convert(JsonNode cdx, String toolVersion) {
        JsonNode root = cdx.path("metadata").path("component");
        String name = root.path("name").asText("snapotter");
        String version = root.path("version").asText("");
        ObjectNode doc = json.createObjectNode();
        doc.put("spdxVersion", "SPDX-2.3").put("dataLicense", "CC0-1.0").put("SPDXID", "SPDXRef-DOCUMENT");
        doc.put("name", name + "-" + version);
        doc.put("documentNamespace", "https://snapotter.dev/spdx/" + name.replaceAll("[^A-Za-z0-9.-]", "-") + "-" + version + "-" + UUID.randomUUID());
        ObjectNode creation = doc.putObject("creationInfo");
        creation.put("created", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        creation.putArray("creators").add("Tool: snapotter-installers-" + toolVersion).add("Organization: SnapOtter");
        creation.put("comment", "Converted from the CycloneDX SBOM " + cdx.path("serialNumber").asText("") + " of the same build.");

        ArrayNode packages = doc.putArray("packages");
        Map<String, String> spdxIds = new HashMap<>();
        String rootId = "SPDXRef-Root";
        spdxIds.put(root.path("bom-ref").asText(), rootId);
        packages.add(toPackage(root, rootId));
        int n = 0;
        for (JsonNode c : cdx.path("components")) {
            String id = "SPDXRef-Package-" + (++n);
            spdxIds.put(c.path("bom-ref").asText("component-" + n), id);
            packages.add(toPackage(c, id));
        }
        ArrayNode relationships = doc.putArray("relationships");
        relationships.add(relationship("SPDXRef-DOCUMENT", "DESCRIBES", rootId));
        for (JsonNode d : cdx.path("dependencies")) {
            String from = spdxIds.get(d.path("ref").asText());
            if (from == null) continue;
            for (JsonNode to : d.path("dependsOn")) {
                String target = spdxIds.get(to.asText());
                if (target != null) relationships.add(relationship(from, "DEPENDS_ON", target));
            }
        }
        if (!extractedLicences.isEmpty()) {
            ArrayNode extracted = doc.putArray("hasExtractedLicensingInfos");
            extractedLicences.forEach((ref, original) -> extracted.addObject().put("licenseId", ref).put("name", original)
                    .put("extractedText", "Licence named \"" + original + "\" by the component's own metadata; see its licence text."));
        }
        return doc;
    }

    private ObjectNode toPackage(JsonNode c, String id) {
        ObjectNode p = json.createObjectNode();
        p.put("SPDXID", id);
        String group = c.path("group").asText("");
        p.put("name", group.isEmpty() ? c.path("name").asText() : group + ":" + c.path("name").asText());
        if (c.hasNonNull("version")) p.put("versionInfo", c.path("version").asText());
        if (c.path("supplier").hasNonNull("name")) p.put("supplier", "Organization: " + c.path("supplier").path("name").asText());
        p.put("downloadLocation", "NOASSERTION").put("filesAnalyzed", false);
        p.put("licenseConcluded", "NOASSERTION").put("licenseDeclared", declaredLicence(c.path("licenses"), c.path("purl").asText("")));
        p.put("copyrightText", "NOASSERTION");
        if (c.hasNonNull("purl")) {
            p.putArray("externalRefs").addObject().put("referenceCategory", "PACKAGE-MANAGER")
                    .put("referenceType", "purl").put("referenceLocator", c.path("purl").asText());
        }
        ArrayNode checksums = json.createArrayNode();
        for (JsonNode h : c.path("hashes")) {
            String alg = h.path("alg").asText().replace("-", "");
            if (List.of("SHA1", "SHA256", "SHA512", "MD5", "SHA384").contains(alg)) {
                checksums.addObject().put("algorithm", alg).put("checksumValue", h.path("content").asText());
            }
        }
        if (!checksums.isEmpty()) p.set("checksums", checksums);
        if (c.hasNonNull("description")) p.put("comment", c.path("description").asText());
        return p;
    }

    /**
     * Maven: several licences in one POM mean a choice (POM reference), so they are joined with OR. Debian: several
     * licences in one copyright file cover different files, so AND.
     */
    private String declaredLicence(JsonNode licences, String purl) {
        List<String> terms = new ArrayList<>();
        for (JsonNode l : licences) {
            if (l.hasNonNull("expression")) {
                terms.add(l.path("expression").asText());
                continue;
            }
            JsonNode lic = l.path("license");
            if (lic.hasNonNull("id")) {
                terms.add(lic.path("id").asText());
            } else if (lic.hasNonNull("name")) {
                String original = lic.path("name").asText();
                String ref = purl.startsWith("pkg:deb/")
                        ? LicenceNames.fromDebian(original).orElseGet(() -> LicenceNames.licenseRef("Debian-" + original))
                        : LicenceNames.licenseRef(original);
                if (ref.startsWith("LicenseRef-")) extractedLicences.putIfAbsent(ref, original);
                terms.add(ref);
            }
        }
        if (terms.isEmpty()) return "NOASSERTION";
        if (terms.size() == 1) return terms.getFirst();
        String op = purl.startsWith("pkg:deb/") ? " AND " : " OR ";
        return String.join(op, terms.stream().map(t -> t.contains(" ") ? "(" + t + ")" : t).toList());
    }

    private ObjectNode relationship(String from, String type, String to) {
        return json.createObjectNode().put("spdxElementId", from).put("relationshipType", type).put("relatedSpdxElement", to);
    }
}
