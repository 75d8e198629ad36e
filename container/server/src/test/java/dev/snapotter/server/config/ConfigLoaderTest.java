package dev.snapotter.server.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {

    @TempDir
    Path tmp;

    private static ServerConfig load(Map<String, String> env) {
        return ConfigLoader.load(Env.of(env));
    }

    @Test
    void defaultsMatchTheDocumentation() {
        ServerConfig c = load(Map.of());
        assertThat(c.http().port()).isEqualTo(1349);
        assertThat(c.auth().enabled()).isTrue();
        assertThat(c.auth().defaultUsername()).isEqualTo("admin");
        assertThat(c.auth().defaultPassword()).isEmpty();
        assertThat(c.http().rateLimitPerMin()).isEqualTo(100);
        assertThat(c.http().loginAttemptLimit()).isEqualTo(10);
        assertThat(c.auth().sessionDurationHours()).isEqualTo(168);
        assertThat(c.storage().dataDir()).isEqualTo(Path.of("/data"));
        assertThat(c.storage().dbPath()).isEqualTo(Path.of("/data/snapotter.db"));
        assertThat(c.storage().workspacePath()).isEqualTo(Path.of("/tmp/workspace"));
        assertThat(c.http().trustProxy()).isFalse();
        assertThat(c.limits().concurrentJobs()).isGreaterThanOrEqualTo(2);
        assertThat(c.auth().argon2()).isEqualTo(Argon2Params.PRODUCTION);
    }

    @Test
    void dbPathFollowsDataDir() {
        assertThat(load(Map.of("DATA_DIR", tmp.toString())).storage().dbPath()).isEqualTo(tmp.resolve("snapotter.db"));
    }

    @Test
    void secretFromFileHasOneTrailingNewlineTrimmed() throws Exception {
        Path f = tmp.resolve("pw");
        Files.writeString(f, "s3cret value\n");
        assertThat(load(Map.of("DEFAULT_PASSWORD_FILE", f.toString())).auth().defaultPassword()).contains("s3cret value");
        Files.writeString(f, "crlf\r\n");
        assertThat(load(Map.of("DEFAULT_PASSWORD_FILE", f.toString())).auth().defaultPassword()).contains("crlf");
        Files.writeString(f, "two\n\n");
        assertThat(load(Map.of("DEFAULT_PASSWORD_FILE", f.toString())).auth().defaultPassword()).contains("two\n");
    }

    @Test
    void bothValueAndFileIsAnErrorNamingBoth() throws Exception {
        Path f = tmp.resolve("pw");
        Files.writeString(f, "x");
        assertThatThrownBy(() -> load(Map.of("COOKIE_SECRET", "a", "COOKIE_SECRET_FILE", f.toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("COOKIE_SECRET and COOKIE_SECRET_FILE");
    }

    @Test
    void unreadableFileIsAnErrorNamingThePath() {
        Path missing = tmp.resolve("nope.txt");
        assertThatThrownBy(() -> load(Map.of("S3_SECRET_ACCESS_KEY_FILE", missing.toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("S3_SECRET_ACCESS_KEY_FILE").hasMessageContaining(missing.toString());
        assertThatThrownBy(() -> load(Map.of("SNAPOTTER_LICENSE_KEY_FILE", tmp.toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SNAPOTTER_LICENSE_KEY_FILE");
    }

    @Test
    void emptyValuesCountAsUnset() throws Exception {
        Path f = tmp.resolve("empty");
        Files.writeString(f, "\n");
        ServerConfig c = load(Map.of("DEFAULT_PASSWORD", "", "PORT", "", "OIDC_CLIENT_SECRET_FILE", f.toString(), "OIDC_CLIENT_SECRET", ""));
        assertThat(c.auth().defaultPassword()).isEmpty();
        assertThat(c.http().port()).isEqualTo(1349);
        assertThat(c.secrets().oidcClientSecret()).isEmpty();
        // An empty DEFAULT_PASSWORD with a set DEFAULT_PASSWORD_FILE is not "both set".
        Files.writeString(f, "fromfile");
        assertThat(load(Map.of("DEFAULT_PASSWORD", "", "DEFAULT_PASSWORD_FILE", f.toString())).auth().defaultPassword()).contains("fromfile");
    }

    @Test
    void invalidValuesNameTheVariableAndAreNeverSilentlyDefaulted() {
        Map<String, String> bad = new HashMap<>();
        bad.put("PORT", "http");
        bad.put("RATE_LIMIT_PER_MIN", "-5");
        bad.put("AUTH_ENABLED", "maybe");
        bad.put("MAX_MEGAPIXELS", "NaN");
        bad.put("LOG_LEVEL", "verbose");
        bad.put("SESSION_DURATION_HOURS", "99999999999");
        bad.put("CORS_ORIGIN", "https://a.example/path");
        bad.put("DEFAULT_USERNAME", "a b");
        assertThatThrownBy(() -> load(bad)).isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                .hasSize(8)
                .anySatisfy(p -> assertThat(p).startsWith("PORT=http"))
                .anySatisfy(p -> assertThat(p).startsWith("RATE_LIMIT_PER_MIN=-5"))
                .anySatisfy(p -> assertThat(p).startsWith("AUTH_ENABLED=maybe"))
                .anySatisfy(p -> assertThat(p).startsWith("MAX_MEGAPIXELS=NaN"))
                .anySatisfy(p -> assertThat(p).startsWith("LOG_LEVEL=verbose"))
                .anySatisfy(p -> assertThat(p).startsWith("SESSION_DURATION_HOURS="))
                .anySatisfy(p -> assertThat(p).startsWith("CORS_ORIGIN="))
                .anySatisfy(p -> assertThat(p).startsWith("DEFAULT_USERNAME=")));
    }

    @Test
    void outOfRangeNumbersAreRejected() {
        assertThatThrownBy(() -> load(Map.of("PORT", "70000"))).hasMessageContaining("PORT=70000").hasMessageContaining("between 0 and 65535");
        assertThatThrownBy(() -> load(Map.of("CONCURRENT_JOBS", "1000"))).hasMessageContaining("CONCURRENT_JOBS");
        assertThatThrownBy(() -> load(Map.of("MAX_UPLOAD_SIZE_MB", "0"))).hasMessageContaining("MAX_UPLOAD_SIZE_MB");
    }

    @Test
    void explicitValuesAreRead() {
        ServerConfig c = load(Map.of("PORT", "8080", "AUTH_ENABLED", "false", "TRUST_PROXY", "true", "CONCURRENT_JOBS", "3",
                "CORS_ORIGIN", "https://app.example.com", "LOG_LEVEL", "DEBUG", "DB_PATH", tmp.resolve("x.db").toString()));
        assertThat(c.http().port()).isEqualTo(8080);
        assertThat(c.auth().enabled()).isFalse();
        assertThat(c.http().trustProxy()).isTrue();
        assertThat(c.limits().concurrentJobs()).isEqualTo(3);
        assertThat(c.logLevel()).isEqualTo("debug");
        assertThat(c.storage().dbPath()).isEqualTo(tmp.resolve("x.db"));
    }

    @Test
    void secretsAreNotPrintedByToString() {
        ServerConfig c = load(Map.of("DEFAULT_PASSWORD", "TopSecret1", "COOKIE_SECRET", "cookie-secret-value"));
        assertThat(c.toString()).doesNotContain("TopSecret1").doesNotContain("cookie-secret-value");
    }
}
