package dev.snapotter.ai.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Finds model files, either in one plain directory (development: where {@code fetch-model.sh} puts
 * them) or inside installed AI bundles ({@link #inBundles}: {@code <bundles root>/<bundle id>/files/<file>},
 * the layout of the {@code bundles} module, ADR 0061). Looked up on every use, so a model installed
 * (or removed) while the process runs is noticed without a restart.
 */
public final class ModelLocator {

    /** System property naming the model directory (the build sets it for tests). */
    public static final String DIR_PROPERTY = "snapotter.ai.modelDir";
    /** Environment variable naming the model directory. */
    public static final String DIR_ENV = "SNAPOTTER_AI_MODEL_DIR";

    /** Where installed bundles keep their files, below {@code <root>/<bundle id>/}. */
    public static final String BUNDLE_FILES_DIR = "files";

    private final Path directory;
    private final boolean bundles;

    public ModelLocator(Path directory) {
        this(directory, false);
    }

    private ModelLocator(Path directory, boolean bundles) {
        this.directory = directory.toAbsolutePath().normalize();
        this.bundles = bundles;
    }

    /** Models inside installed bundles: {@code bundlesRoot/<spec.bundleId()>/files/<spec.fileName()>}. */
    public static ModelLocator inBundles(Path bundlesRoot) {
        return new ModelLocator(bundlesRoot, true);
    }

    /** Where {@code spec}'s file is expected. */
    public Path expectedPath(ModelSpec spec) {
        return bundles ? directory.resolve(spec.bundleId()).resolve(BUNDLE_FILES_DIR).resolve(spec.fileName()) : directory.resolve(spec.fileName());
    }

    /** {@value #DIR_PROPERTY}, else {@value #DIR_ENV}, else {@code ~/.cache/snapotter/models} (where fetch-model.sh puts it). */
    public static ModelLocator fromEnvironment() {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null || dir.isBlank()) dir = System.getenv(DIR_ENV);
        if (dir == null || dir.isBlank()) dir = Path.of(System.getProperty("user.home"), ".cache", "snapotter", "models").toString();
        return new ModelLocator(Path.of(dir));
    }

    public Path directory() {
        return directory;
    }

    public boolean isInstalled(ModelSpec spec) {
        try {
            locate(spec);
            return true;
        } catch (ModelNotInstalledException e) {
            return false;
        }
    }

    /** The model's path after a cheap check (regular file of the right size). */
    public Path locate(ModelSpec spec) {
        Path file = expectedPath(spec);
        if (!Files.isRegularFile(file)) throw new ModelNotInstalledException(spec, file, "model file not found");
        try {
            long size = Files.size(file);
            if (size != spec.sizeBytes()) {
                throw new ModelNotInstalledException(spec, file, "model file has " + size + " bytes, expected " + spec.sizeBytes());
            }
        } catch (IOException e) {
            throw new ModelNotInstalledException(spec, file, "model file unreadable: " + e.getMessage());
        }
        return file;
    }

    /** The full check (SHA-256 of the whole file), done once before a model is loaded. */
    public static void verifyDigest(ModelSpec spec, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            String actual = HexFormat.of().formatHex(md.digest());
            if (!actual.equals(spec.sha256())) {
                throw new ModelNotInstalledException(spec, file, "model file is damaged (SHA-256 " + actual + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
