package dev.snapotter.bundles.build;

import dev.snapotter.archive.Sha256;
import dev.snapotter.bundles.BundleFormat;
import dev.snapotter.bundles.BundleManifest;
import dev.snapotter.bundles.catalogue.Catalogue;
import dev.snapotter.bundles.catalogue.CatalogueEntry;
import dev.snapotter.bundles.signing.Ed25519Keys;
import dev.snapotter.bundles.signing.SigningKeyStore;
import dev.snapotter.bundles.signing.TrustedKeys;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;

/**
 * Build-time commands (run by Maven and {@code ai/scripts/build-bundle.sh}; not part of the product):
 * <pre>
 * trust-builder-key FILE      append this machine's signing public key to a trusted-keys file
 * public-key                  print the signing key's id and base64 public key
 * build OUT --id ID --name NAME --version V [--arch A] [--license L] [--min-app V]
 *       [--enables TOOL]... --file PATH=SOURCE... [--unsigned]
 * build OUT --id ID --from-catalogue [--min-app V] --file PATH=SOURCE... [--unsigned] [--optional]
 * </pre>
 * {@code --optional}: when a source file is missing (the model was never fetched: no npm, no network), say so and
 * build nothing instead of failing — except under {@code CI=true}, where a missing source is an error.
 * With {@code --from-catalogue} the name, version, licence, arch and tools come from the built-in catalogue's entry
 * for the id, so the bundle and the catalogue cannot disagree. When OUT does not end with {@code .snapotter-bundle.tar.gz} it is a folder (created if needed) and the file is
 * {@code OUT/<id>-<version>.snapotter-bundle.tar.gz}.
 * The signing key is {@code SNAPOTTER_BUNDLE_SIGNING_KEY_FILE}, else this machine's key (ADR 0061).
 */
public final class BundleTool {

    private BundleTool() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = System.out;
        if (args.length == 0) usage();
        switch (args[0]) {
            case "trust-builder-key" -> trustBuilderKey(Path.of(arg(args, 1)), out);
            case "public-key" -> {
                PublicKey pub = Ed25519Keys.publicOf(SigningKeyStore.resolveFromEnvironment());
                out.println(Ed25519Keys.keyId(pub) + " " + Ed25519Keys.encodePublic(pub));
            }
            case "build" -> build(Arrays.asList(args).subList(1, args.length), out);
            default -> usage();
        }
    }

    static void trustBuilderKey(Path resource, PrintStream out) throws IOException {
        PublicKey pub = Ed25519Keys.publicOf(SigningKeyStore.resolveFromEnvironment());
        String existing = Files.exists(resource) ? Files.readString(resource, StandardCharsets.UTF_8) : "";
        if (TrustedKeys.parse(existing).find(Ed25519Keys.keyId(pub)).isPresent()) return;
        String line = Ed25519Keys.encodePublic(pub) + "  # builder key " + Ed25519Keys.keyId(pub) + " (added at build time)\n";
        Files.createDirectories(resource.toAbsolutePath().getParent());
        Path tmp = resource.resolveSibling(resource.getFileName() + ".tmp");
        Files.writeString(tmp, existing + (existing.isEmpty() || existing.endsWith("\n") ? "" : "\n") + line, StandardCharsets.UTF_8);
        Files.move(tmp, resource, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        out.println("[bundles] trusting builder key " + Ed25519Keys.keyId(pub) + " in " + resource);
    }

    static void build(List<String> a, PrintStream out) throws IOException {
        if (a.isEmpty()) usage();
        Path target = Path.of(a.getFirst());
        java.util.Map<String, java.util.List<String>> opts = new java.util.HashMap<>();
        boolean unsigned = false;
        boolean fromCatalogue = false;
        boolean optional = false;
        for (int i = 1; i < a.size(); i++) {
            String opt = a.get(i);
            if (opt.equals("--unsigned")) {
                unsigned = true;
            } else if (opt.equals("--from-catalogue")) {
                fromCatalogue = true;
            } else if (opt.equals("--optional")) {
                optional = true;
            } else if (opt.startsWith("--") && i + 1 < a.size()) {
                opts.computeIfAbsent(opt, k -> new java.util.ArrayList<>()).add(a.get(++i));
            } else {
                usage();
            }
        }
        List<java.util.Map.Entry<String, Path>> files = new java.util.ArrayList<>();
        for (String f : opts.getOrDefault("--file", List.of())) {
            int eq = f.indexOf('=');
            if (eq <= 0) usage();
            files.add(java.util.Map.entry(f.substring(0, eq), Path.of(f.substring(eq + 1))));
        }
        List<Path> missing = files.stream().map(java.util.Map.Entry::getValue).filter(f -> !Files.isRegularFile(f)).toList();
        if (optional && !missing.isEmpty() && !"true".equalsIgnoreCase(System.getenv("CI"))) {
            out.println("[bundles] not building " + target + ": missing " + missing + " (fetch the model first, ai/scripts/fetch-model.sh)");
            return;
        }
        BundleBuilder b;
        String id = one(opts, "--id");
        String version;
        if (fromCatalogue) {
            CatalogueEntry e = Catalogue.builtIn().find(id)
                    .orElseThrow(() -> new IllegalArgumentException("the built-in catalogue has no bundle '" + id + "'"));
            version = e.version();
            b = new BundleBuilder(e.id(), e.name(), version).arch(e.arch()).license(e.license());
            e.enablesTools().forEach(b::enablesTool);
        } else {
            version = one(opts, "--version");
            b = new BundleBuilder(id, one(opts, "--name"), version);
            if (opts.containsKey("--arch")) b.arch(one(opts, "--arch"));
            if (opts.containsKey("--license")) b.license(one(opts, "--license"));
            opts.getOrDefault("--enables", List.of()).forEach(b::enablesTool);
        }
        if (isFolder(target)) target = Files.createDirectories(target).resolve(id + "-" + version + BundleFormat.EXTENSION);
        if (opts.containsKey("--min-app")) b.minAppVersion(one(opts, "--min-app"));
        files.forEach(f -> b.file(f.getKey(), f.getValue()));
        PrivateKey key = unsigned ? null : SigningKeyStore.resolveFromEnvironment();
        BundleManifest m = b.write(target, key);
        String sha = Sha256.of(target);
        Files.writeString(target.resolveSibling(target.getFileName() + ".sha256"), sha + "  " + target.getFileName() + "\n");
        out.println("[bundles] wrote " + target + " (" + Files.size(target) + " bytes, sha256 " + sha + ", "
                + m.files().size() + " file(s), " + m.installedBytes() + " bytes installed, "
                + (key == null ? "UNSIGNED" : "signed by " + Ed25519Keys.keyId(Ed25519Keys.publicOf(key))) + ")");
    }

    /** OUT names a folder unless it ends with the bundle extension. */
    private static boolean isFolder(Path target) {
        return !target.getFileName().toString().endsWith(BundleFormat.EXTENSION);
    }

    private static String one(java.util.Map<String, java.util.List<String>> opts, String name) {
        java.util.List<String> v = opts.get(name);
        if (v == null || v.size() != 1) usage();
        return v.getFirst();
    }

    private static String arg(String[] args, int i) {
        return i < args.length ? args[i] : usage();
    }

    private static String usage() {
        throw new IllegalArgumentException("usage: BundleTool trust-builder-key FILE | public-key | build OUT --id ID --name NAME --version V "
                + "[--arch any|x86_64|aarch64] [--license SPDX] [--min-app V] [--enables TOOL]... --file PATH=SOURCE... [--unsigned]"
                + " | build OUT --id ID --from-catalogue [--min-app V] --file PATH=SOURCE... [--unsigned] [--optional]");
    }
}
