package dev.snapotter.bundles.build;

import dev.snapotter.archive.Sha256;
import dev.snapotter.archive.TarGzWriter;
import dev.snapotter.bundles.BundleFile;
import dev.snapotter.bundles.BundleFormat;
import dev.snapotter.bundles.BundleManifest;
import dev.snapotter.bundles.BundleRejectedException;
import dev.snapotter.bundles.signing.ManifestSignature;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * Writes a bundle archive: manifest.json (hashes of every file), manifest.sig (Ed25519 over the
 * manifest's bytes; omitted when no key is given — only tests build unsigned bundles), then
 * files/… in manifest order. Written to a temp file and renamed, so a half-written bundle never
 * carries the final name. Entry times are fixed, so the same inputs and key give the same archive.
 */
public final class BundleBuilder {

    /** Fixed entry time (reproducible archives). */
    static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private final String id;
    private final String name;
    private final String version;
    private String arch = "any";
    private String license = "NOASSERTION";
    private String minAppVersion = "0.1.0";
    private final List<String> enablesTools = new ArrayList<>();
    private final Map<String, Path> files = new LinkedHashMap<>();

    public BundleBuilder(String id, String name, String version) {
        this.id = id;
        this.name = name;
        this.version = version;
    }

    public BundleBuilder arch(String a) {
        this.arch = a;
        return this;
    }

    public BundleBuilder license(String l) {
        this.license = l;
        return this;
    }

    public BundleBuilder minAppVersion(String v) {
        this.minAppVersion = v;
        return this;
    }

    public BundleBuilder enablesTool(String toolId) {
        enablesTools.add(toolId);
        return this;
    }

    /** Adds {@code source} as {@code files/<path>}. */
    public BundleBuilder file(String path, Path source) {
        files.put(path, source);
        return this;
    }

    /** Hashes every file and returns the validated manifest. */
    public BundleManifest manifest() throws IOException {
        List<BundleFile> list = new ArrayList<>();
        for (var e : files.entrySet()) list.add(new BundleFile(e.getKey(), Files.size(e.getValue()), Sha256.of(e.getValue())));
        BundleManifest m = new BundleManifest(BundleManifest.FORMAT_VERSION, id, name, version, arch, license, enablesTools, list, minAppVersion);
        try {
            m.validate();
        } catch (BundleRejectedException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return m;
    }

    /** Writes the archive to {@code out}; {@code key} null writes an unsigned bundle. Returns the manifest. */
    public BundleManifest write(Path out, PrivateKey key) throws IOException {
        BundleManifest m = manifest();
        byte[] manifestBytes = m.toJson();
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, out.getFileName().toString(), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream os = Channels.newOutputStream(ch);
                 TarGzWriter tar = new TarGzWriter(os, EPOCH, Deflater.DEFAULT_COMPRESSION)) {
                tar.addBytes(BundleFormat.MANIFEST, manifestBytes);
                if (key != null) tar.addBytes(BundleFormat.SIGNATURE, ManifestSignature.sign(manifestBytes, key).toJson());
                for (var e : files.entrySet()) tar.addFile(BundleFormat.FILES_DIR + "/" + e.getKey(), e.getValue());
                tar.finish();
                ch.force(true);
            }
            try {
                // a bundle is public data (temp files start user-only)
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not POSIX
            }
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return m;
    }
}
