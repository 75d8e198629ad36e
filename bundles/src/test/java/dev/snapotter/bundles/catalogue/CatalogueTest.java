package dev.snapotter.bundles.catalogue;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogueTest {

    @Test
    void shippedCatalogueParsesAndOnlyPointsAtAllowedOrigins() {
        Catalogue c = Catalogue.builtIn();
        assertThat(c.find("background-removal")).get().satisfies(e -> {
            assertThat(e.license()).isEqualTo("AGPL-3.0");
            assertThat(e.enablesTools()).containsExactly("remove-background");
            assertThat(e.installedBytes()).isEqualTo(44_342_436L + 34_363L); // model + its LICENSE.md
        });
        for (CatalogueEntry e : c.bundles()) {
            assertThat(c.allowedOrigins().allows(URI.create(e.url()))).as(e.url()).isTrue();
            assertThat(e.url()).startsWith("https://");
        }
    }

    @Test
    void originsMatchSchemeHostAndPortExactly() {
        AllowedOrigins a = new AllowedOrigins(List.of("https://github.com", "http://127.0.0.1:8080"));
        assertThat(a.allows(URI.create("https://github.com/x/y.tar.gz"))).isTrue();
        assertThat(a.allows(URI.create("https://GitHub.com:443/x"))).isTrue();
        assertThat(a.allows(URI.create("http://github.com/x"))).as("no downgrade to http").isFalse();
        assertThat(a.allows(URI.create("https://github.com.evil.example/x"))).isFalse();
        assertThat(a.allows(URI.create("https://user@github.com/x"))).as("no credentials in URLs").isFalse();
        assertThat(a.allows(URI.create("http://127.0.0.1:8080/b"))).isTrue();
        assertThat(a.allows(URI.create("http://127.0.0.1:8081/b"))).isFalse();
        assertThat(a.allows(URI.create("ftp://github.com/x"))).isFalse();
    }
}
