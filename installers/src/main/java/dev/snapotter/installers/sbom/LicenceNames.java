package dev.snapotter.installers.sbom;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps licence names to SPDX identifiers: Debian DEP-5 short names ("GPL-2+", "Expat") and the free-text names
 * Maven POMs use when CycloneDX could not resolve an id. Names it does not know become {@code LicenseRef-...}
 * (valid SPDX, listed in the document's extracted licences), never a guessed identifier.
 */
public final class LicenceNames {

    private static final Map<String, String> DEBIAN = Map.ofEntries(
            Map.entry("expat", "MIT"), Map.entry("mit", "MIT"),
            Map.entry("apache-2.0", "Apache-2.0"), Map.entry("apache-2", "Apache-2.0"),
            Map.entry("gpl-1+", "GPL-1.0-or-later"), Map.entry("gpl-2", "GPL-2.0-only"), Map.entry("gpl-2+", "GPL-2.0-or-later"),
            Map.entry("gpl-3", "GPL-3.0-only"), Map.entry("gpl-3+", "GPL-3.0-or-later"),
            Map.entry("lgpl-2", "LGPL-2.0-only"), Map.entry("lgpl-2+", "LGPL-2.0-or-later"),
            Map.entry("lgpl-2.1", "LGPL-2.1-only"), Map.entry("lgpl-2.1+", "LGPL-2.1-or-later"),
            Map.entry("lgpl-3", "LGPL-3.0-only"), Map.entry("lgpl-3+", "LGPL-3.0-or-later"),
            Map.entry("bsd-2-clause", "BSD-2-Clause"), Map.entry("bsd-3-clause", "BSD-3-Clause"),
            Map.entry("bsd-4-clause", "BSD-4-Clause"), Map.entry("isc", "ISC"), Map.entry("zlib", "Zlib"),
            Map.entry("curl", "curl"), Map.entry("public-domain", "LicenseRef-public-domain"),
            Map.entry("mpl-2.0", "MPL-2.0"), Map.entry("artistic", "Artistic-1.0-Perl"),
            Map.entry("bitstream-vera", "Bitstream-Vera"), Map.entry("gfdl-1.3+", "GFDL-1.3-or-later"),
            Map.entry("openssl", "OpenSSL"), Map.entry("x11", "X11"), Map.entry("unicode-dfs-2016", "Unicode-DFS-2016"),
            Map.entry("cc0-1.0", "CC0-1.0"), Map.entry("lgpl-2.0+", "LGPL-2.0-or-later"), Map.entry("lgpl-3.0+", "LGPL-3.0-or-later"),
            Map.entry("fsfap", "FSFAP"), Map.entry("fsfullr", "FSFULLR"), Map.entry("bsd-4-clause-uc", "BSD-4-Clause-UC"),
            Map.entry("oldap-2.8", "OLDAP-2.8"), Map.entry("latex2e", "Latex2e"), Map.entry("mpl-1.1", "MPL-1.1"),
            Map.entry("apache-2.0+", "Apache-2.0"), Map.entry("bsl-1.0", "BSL-1.0"), Map.entry("zlib/libpng", "Zlib"));

    private static final Pattern SPDX_ID = Pattern.compile("[A-Za-z0-9.+-]+");
    private static final java.util.Set<String> KNOWN_SPDX = java.util.Set.copyOf(DEBIAN.values());

    private LicenceNames() {
    }

    /** The SPDX id for a Debian DEP-5 short name, when there is a sure one. */
    public static Optional<String> fromDebian(String dep5Name) {
        // make-sboms.sh joins multi-word names with '_' ("GPL-3+_with_Bison_exception"): never a sure id.
        return Optional.ofNullable(DEBIAN.get(dep5Name.toLowerCase(java.util.Locale.ROOT)));
    }

    /** True for an identifier this class itself produces (a sure SPDX id). */
    public static boolean isKnownSpdx(String id) {
        return KNOWN_SPDX.contains(id);
    }

    /** An SPDX-valid reference for a name that is no SPDX id: {@code LicenseRef-<name with - for every odd char>}. */
    public static String licenseRef(String name) {
        String cleaned = name.trim().replaceAll("[^A-Za-z0-9.-]+", "-").replaceAll("^-+|-+$", "");
        return "LicenseRef-" + (cleaned.isEmpty() ? "unknown" : cleaned);
    }

    /** True when the string can stand in an SPDX expression as it is (an id or a LicenseRef). */
    public static boolean isExpressionToken(String s) {
        return SPDX_ID.matcher(s).matches();
    }

    /** SPDX ids (or LicenseRefs) for a Debian package's DEP-5 names, in order, without repeats. */
    public static List<String> spdxForDebian(List<String> dep5Names) {
        return dep5Names.stream().map(n -> fromDebian(n).orElseGet(() -> licenseRef("Debian-" + n))).distinct().toList();
    }
}
