package dev.snapotter.installers.sbom;

import java.util.List;

/** The Debian half of the image's licence report: one line per package with its DEP-5 licences. */
final class DebianLicenceReport {

    private DebianLicenceReport() {
    }

    static String render(String version, String debianVersion, List<DebianPackage> packages) {
        StringBuilder out = new StringBuilder();
        out.append("Debian packages in the snapotter/snapotter:").append(version).append(" image (Debian ").append(debianVersion)
                .append("), ").append(packages.size()).append(" packages.\n")
                .append("Licences are the DEP-5 'License:' names of /usr/share/doc/<package>/copyright (kept in the image);\n")
                .append("'see copyright file' = the file is not machine-readable. The copyright files are the authoritative text.\n\n");
        for (DebianPackage p : packages) {
            out.append(String.format("  (%s) %s %s (source %s %s)%n",
                    p.licences().isEmpty() ? "see copyright file" : String.join(", ", p.licences()),
                    p.name(), p.version(), p.source(), p.sourceVersion()));
        }
        return out.toString();
    }
}
