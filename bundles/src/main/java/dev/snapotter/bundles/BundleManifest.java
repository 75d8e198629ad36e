package dev.snapotter.bundles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.snapotter.archive.EntryNames;
import dev.snapotter.archive.UnsafeArchiveException;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a bundle is and exactly which bytes it installs. The manifest is the first entry of the bundle
 * archive and the only thing signed: because it pins every file's size and SHA-256, one signature over
 * its bytes covers the whole bundle (ADR 0061).
 *
 * @param formatVersion  {@value #FORMAT_VERSION}; anything else is refused
 * @param id             bundle id, e.g. {@code background-removal} (the folder it installs into)
 * @param arch           {@code any}, {@code x86_64} or {@code aarch64}
 * @param license        SPDX id of the content's licence
 * @param enablesTools   tool ids that work once it is installed
 * @param files          every file, in archive order
 * @param minAppVersion  oldest SnapOtter version that can use it (numeric dotted, e.g. {@code 0.1.0})
 */
public record BundleManifest(int formatVersion, String id, String name, String version, String arch, String license,
                             List<String> enablesTools, List<BundleFile> files, String minAppVersion) {

    public static final int FORMAT_VERSION = 1;
    public static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,63}$");
    private static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");
    private static final Pattern VERSION = Pattern.compile("^[0-9]+(\\.[0-9]+){0,3}([-+][0-9A-Za-z.-]{1,40})?$");
    private static final Set<String> ARCHES = Set.of("any", "x86_64", "aarch64");
    private static final int MAX_FILES = 10_000;

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    public BundleManifest {
        enablesTools = enablesTools == null ? List.of() : List.copyOf(enablesTools);
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** Parses and validates; any problem is a {@link BundleRejectedException} (MALFORMED_MANIFEST). */
    public static BundleManifest parse(byte[] json) throws BundleRejectedException {
        BundleManifest m;
        try {
            m = JSON.readValue(json, BundleManifest.class);
        } catch (JsonProcessingException e) {
            throw malformed("not valid manifest JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw malformed("unreadable: " + e.getMessage());
        }
        m.validate();
        return m;
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sum of the sizes of every file: what the bundle occupies once installed. */
    public long installedBytes() {
        return files.stream().mapToLong(BundleFile::size).sum();
    }

    public void validate() throws BundleRejectedException {
        if (formatVersion != FORMAT_VERSION) throw malformed("manifest format " + formatVersion + " is not supported (expected " + FORMAT_VERSION + ")");
        if (id == null || !ID.matcher(id).matches()) throw malformed("bundle id '" + id + "' is not a valid id (a-z, 0-9, '-')");
        if (name == null || name.isBlank() || name.length() > 100) throw malformed("name must be 1-100 characters");
        if (version == null || !VERSION.matcher(version).matches()) throw malformed("version '" + version + "' is not a version");
        if (minAppVersion == null || !VERSION.matcher(minAppVersion).matches()) throw malformed("minAppVersion '" + minAppVersion + "' is not a version");
        if (arch == null || !ARCHES.contains(arch)) throw malformed("arch must be one of " + ARCHES);
        if (license == null || license.isBlank() || license.length() > 100) throw malformed("license must be an SPDX id");
        if (files.isEmpty() || files.size() > MAX_FILES) throw malformed("a bundle holds 1-" + MAX_FILES + " files");
        Set<String> seen = new HashSet<>();
        for (BundleFile f : files) {
            if (f == null || f.path() == null) throw malformed("a file entry has no path");
            try {
                if (!EntryNames.normalise(f.path()).equals(f.path())) throw malformed("file path '" + f.path() + "' is not in normal form");
            } catch (UnsafeArchiveException e) {
                throw malformed("file path is unsafe: " + e.getMessage());
            }
            if (!seen.add(f.path().toLowerCase(Locale.ROOT))) throw malformed("file '" + f.path() + "' is listed twice");
            if (f.size() < 0) throw malformed("file '" + f.path() + "' has a negative size");
            if (f.sha256() == null || !SHA256.matcher(f.sha256()).matches()) throw malformed("file '" + f.path() + "' has no valid sha256");
        }
        for (String t : enablesTools) {
            if (t == null || !ID.matcher(t).matches()) throw malformed("enablesTools holds an invalid tool id '" + t + "'");
        }
    }

    public BundleFile file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst().orElse(null);
    }

    private static BundleRejectedException malformed(String why) {
        return new BundleRejectedException(BundleRejectedException.Reason.MALFORMED_MANIFEST, "The bundle's manifest is invalid: " + why + ".");
    }
}
