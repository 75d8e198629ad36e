package dev.snapotter.installers.sbom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One installed Debian package of the image rootfs, as {@code dpkg-query} reports it, with the licence names
 * its DEP-5 {@code /usr/share/doc/<package>/copyright} file declares (empty when the file is not machine-readable).
 */
public record DebianPackage(String name, String version, String arch, String source, String sourceVersion,
                            List<String> licences) {

    /** The dpkg-query format make-sboms.sh uses: name, version, arch, source package, source version. */
    public static final String DPKG_FORMAT = "${Package}\\t${Version}\\t${Architecture}\\t${source:Package}\\t${source:Version}\\n";

    /** Package URL as Trivy and Grype expect it for Debian ({@code distro=debian-12.x}). */
    public String purl(String distro) {
        StringBuilder purl = new StringBuilder("pkg:deb/debian/").append(name).append('@').append(encode(version))
                .append("?arch=").append(arch);
        if (!source.isEmpty() && !source.equals(name)) {
            purl.append("&upstream=").append(source);
        }
        return purl.append("&distro=").append(distro).toString();
    }

    private static String encode(String version) {
        return version.replace("+", "%2B").replace(":", "%3A");
    }

    /**
     * Parses dpkg-query lines ({@link #DPKG_FORMAT}) and attaches licences from "package\tLicence1 Licence2" lines.
     * Malformed lines are an error, not a silent gap in the SBOM.
     */
    public static List<DebianPackage> parse(List<String> dpkgLines, Map<String, List<String>> licences) {
        List<DebianPackage> out = new ArrayList<>();
        for (String line : dpkgLines) {
            if (line.isBlank()) continue;
            String[] f = line.split("\t", -1);
            if (f.length != 5 || f[0].isEmpty() || f[1].isEmpty()) {
                throw new IllegalArgumentException("not a dpkg-query line (name, version, arch, source, source version): " + line);
            }
            String source = f[3].isEmpty() ? f[0] : f[3];
            String sourceVersion = f[4].isEmpty() ? f[1] : f[4];
            out.add(new DebianPackage(f[0], f[1], f[2], source, sourceVersion, licences.getOrDefault(f[0], List.of())));
        }
        if (out.isEmpty()) throw new IllegalArgumentException("dpkg-query listed no packages");
        return out;
    }
}
