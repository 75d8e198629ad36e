package dev.snapotter.bundles.catalogue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.snapotter.bundles.BundleManifest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The bundles this release knows, shipped inside the image and the desktop ({@value #RESOURCE}), and
 * the only origins a bundle may ever be downloaded from. Nothing is fetched to learn about bundles:
 * the catalogue changes with a release, not behind an administrator's back.
 */
public record Catalogue(int formatVersion, AllowedOrigins allowedOrigins, List<CatalogueEntry> bundles) {

    public static final String RESOURCE = "/dev/snapotter/bundles/catalogue.json";
    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public Catalogue {
        bundles = bundles == null ? List.of() : List.copyOf(bundles);
        if (allowedOrigins == null) allowedOrigins = new AllowedOrigins(List.of());
        for (CatalogueEntry e : bundles) {
            if (e.id() == null || !BundleManifest.ID.matcher(e.id()).matches()) throw new IllegalArgumentException("bad bundle id " + e.id());
            if (e.url() != null) URI.create(e.url());
        }
    }

    public static Catalogue builtIn() {
        try (InputStream in = Catalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("catalogue resource missing: " + RESOURCE);
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Catalogue parse(byte[] json) throws IOException {
        return JSON.readValue(json, Catalogue.class);
    }

    public Optional<CatalogueEntry> find(String id) {
        return bundles.stream().filter(b -> b.id().equals(id)).findFirst();
    }
}
