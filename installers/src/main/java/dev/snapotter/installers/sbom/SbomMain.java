package dev.snapotter.installers.sbom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the shipped SBOMs (CycloneDX 1.x JSON + SPDX 2.3 JSON) and the Debian part of the licence report.
 * Run by installers/sbom/make-sboms.sh during {@code mvn package}:
 * <pre>
 *   desktop VERSION MAVEN_CDX RUNTIME_RELEASE|- OUT_DIR
 *   image   VERSION MAVEN_CDX RUNTIME_RELEASE|- DPKG_TSV|- LICENCES_TSV|- DEBIAN_VERSION OUT_DIR
 * </pre>
 * "-" leaves that part out (no Docker daemon, no image yet); make-sboms.sh says so.
 */
public final class SbomMain {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SbomMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) usage();
        switch (args[0]) {
            case "desktop" -> {
                if (args.length != 5) usage();
                write("snapotter-desktop", args[1], enricher(args[2], "application", "snapotter-desktop", args[1])
                        .addJavaRuntimeIf(args[3]), Path.of(args[4]));
            }
            case "image" -> {
                if (args.length != 8) usage();
                Runtime enriched = enricher(args[2], "container", "snapotter/snapotter", args[1]).addJavaRuntimeIf(args[3]);
                if (!args[4].equals("-")) {
                    List<DebianPackage> packages = DebianPackage.parse(Files.readAllLines(Path.of(args[4])), licences(args[5]));
                    enriched.enricher.addDebian(args[6], packages);
                    writeAtomically(Path.of(args[7]).resolve("licences").resolve("THIRD-PARTY-image-debian.txt"),
                            DebianLicenceReport.render(args[1], args[6], packages));
                }
                write("snapotter-image", args[1], enriched, Path.of(args[7]));
            }
            default -> usage();
        }
    }

    /** The enricher plus the optional runtime step, so main() reads as a sequence. */
    private record Runtime(CycloneDxEnricher enricher) {
        Runtime addJavaRuntimeIf(String releaseFile) throws IOException {
            if (!releaseFile.equals("-")) enricher.addJavaRuntime(readRelease(Path.of(releaseFile)));
            return this;
        }
    }

    private static Runtime enricher(String mavenCdx, String type, String name, String version) throws IOException {
        ObjectNode bom = (ObjectNode) JSON.readTree(Path.of(mavenCdx).toFile());
        return new Runtime(new CycloneDxEnricher(bom, type, name, version, name + "@" + version));
    }

    private static void write(String baseName, String version, Runtime r, Path outDir) throws IOException {
        Path sbomDir = outDir.resolve("sbom");
        ObjectNode cdx = r.enricher().bom();
        writeAtomically(sbomDir.resolve(baseName + "-" + version + ".cdx.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(cdx));
        ObjectNode spdx = new SpdxConverter().convert(cdx, version);
        writeAtomically(sbomDir.resolve(baseName + "-" + version + ".spdx.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(spdx));
    }

    /** KEY="value" lines of a Java runtime's {@code release} file. */
    static Map<String, String> readRelease(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (eq > 0) out.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim().replaceAll("^\"|\"$", ""));
        }
        return out;
    }

    /** "package\tLicence1 Licence2" lines (make-sboms.sh reads them from the DEP-5 copyright files). */
    static Map<String, List<String>> licences(String file) throws IOException {
        Map<String, List<String>> out = new HashMap<>();
        if (file.equals("-")) return out;
        for (String line : Files.readAllLines(Path.of(file))) {
            String[] f = line.split("\t", 2);
            if (f.length == 2 && !f[1].isBlank()) out.put(f[0], Arrays.stream(f[1].trim().split("\\s+")).distinct().toList());
        }
        return out;
    }

    static void writeAtomically(Path target, String content) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, content);
            // Published files: world-readable like any build output (temp files start as 0600).
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void usage() {
        System.err.println("usage: SbomMain desktop VERSION MAVEN_CDX RUNTIME_RELEASE|- OUT_DIR\n"
                + "       SbomMain image VERSION MAVEN_CDX RUNTIME_RELEASE|- DPKG_TSV|- LICENCES_TSV|- DEBIAN_VERSION OUT_DIR");
        System.exit(2);
    }
}
