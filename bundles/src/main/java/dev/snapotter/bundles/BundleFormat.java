package dev.snapotter.bundles;

/**
 * The on-disk format of a bundle: one {@code .tar.gz} whose entries are, in this order,
 * {@value #MANIFEST}, {@value #SIGNATURE} (absent only in unsigned bundles) and then
 * {@value #FILES_DIR}{@code /<path>} for every manifest file. Installed bundles keep the same layout
 * in {@code <bundles root>/<id>/}.
 */
public final class BundleFormat {

    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";
    public static final String FILES_DIR = "files";
    /** The usual file name ending of a bundle. */
    public static final String EXTENSION = ".snapotter-bundle.tar.gz";
    /** Manifests and signatures are small; a bigger first entry is refused before it is read. */
    public static final int MAX_MANIFEST_BYTES = 1 << 20;
    public static final int MAX_SIGNATURE_BYTES = 4096;

    private BundleFormat() {
    }

    /** "files/x.onnx" → "x.onnx"; null when the entry is not under files/. */
    public static String filePath(String entryName) {
        String prefix = FILES_DIR + "/";
        return entryName.startsWith(prefix) && entryName.length() > prefix.length() ? entryName.substring(prefix.length()) : null;
    }
}
