package dev.snapotter.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapotter.image.support.Container;
import dev.snapotter.image.support.ExecResult;
import dev.snapotter.image.support.ServerClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The _FILE convention in the image. The server resolves NAME / NAME_FILE (one place, one set of
 * rules); the root entrypoint only makes a root-only secret file readable for the dropped user by
 * staging a private copy in memory. See docs/adr/0032-file-secrets-in-the-image.md.
 */
class SecretsIT extends ConformanceBase {

    private static final String SECRET = "Secret-From-File-Passw0rd-7f3a";

    /** Fills the volume with /s/secret = content, root-owned 0400 in a 0700 folder (like a compose secret bind mount). */
    private static String writeSecret(String vol, String content) {
        ExecResult r = res.helperWithInput(content.getBytes(StandardCharsets.UTF_8), "--mount", "type=volume,src=" + vol + ",dst=/s",
                "--user", "0", "--entrypoint", "sh", image.tag(), "-c", "cat > /s/secret && chmod 0400 /s/secret && chmod 0700 /s");
        assertThat(r.ok()).as(r.describe()).isTrue();
        return vol;
    }

    @Test
    void aRootOnlySecretFileWorksAndItsValueAppearsNowhereInInspectOrTheProcessEnvironment() {
        String vol = writeSecret(res.volume("secret"), SECRET + "\n");
        Container c = startHealthy(hardened().env("DEFAULT_PASSWORD", null).env("DEFAULT_PASSWORD_FILE", "/run/secrets/snapotter/secret")
                .extra("--mount", "type=volume,src=" + vol + ",dst=/run/secrets/snapotter,readonly"));
        assertThat(c.logs()).contains("DEFAULT_PASSWORD_FILE: /run/secrets/snapotter/secret is not readable by uid 999");

        String token = new ServerClient(c).adminSession(SECRET, "Changed-After-Secret-Passw0rd");
        assertThat(token).isNotBlank();

        String inspect = c.inspect().toString();
        assertThat(inspect).doesNotContain(SECRET).doesNotContain("DEFAULT_PASSWORD=");
        // As 999: root in an exec has no CAP_SYS_PTRACE, so it may not read another user's environ.
        ExecResult environ = c.execAs("999:999", "cat", "/proc/" + c.javaProcess().pid() + "/environ");
        assertThat(environ.ok()).as(environ.describe()).isTrue();
        assertThat(environ.stdout()).doesNotContain(SECRET).contains("DEFAULT_PASSWORD_FILE=/dev/shm/snapotter-secrets/DEFAULT_PASSWORD");
        ExecResult staged = c.exec("stat", "-c", "%u:%g %a", "/dev/shm/snapotter-secrets/DEFAULT_PASSWORD");
        assertThat(staged.stdout().strip()).isEqualTo("999:999 400");
    }

    @Test
    void bothTheVariableAndItsFileSetIsAStartupErrorNamingBoth() {
        String vol = writeSecret(res.volume("secret"), SECRET);
        Container c = new Container(hardened().restart("no").env("DEFAULT_PASSWORD", "Plain-Passw0rd-Value")
                .env("DEFAULT_PASSWORD_FILE", "/run/secrets/snapotter/secret")
                .extra("--mount", "type=volume,src=" + vol + ",dst=/run/secrets/snapotter,readonly").start(image.tag()));
        int exit = c.awaitExit(Duration.ofSeconds(60));
        assertThat(exit).as(c.logs()).isNotZero();
        assertThat(c.logs()).contains("DEFAULT_PASSWORD").contains("DEFAULT_PASSWORD_FILE").contains("both set")
                .doesNotContain("Plain-Passw0rd-Value").doesNotContain(SECRET);
    }

    @Test
    void anEmptyFileVariableCountsAsUnsetAndThePlainValueIsUsed() {
        Container c = startHealthy(hardened().env("DEFAULT_PASSWORD_FILE", ""));
        assertThat(new ServerClient(c).login("admin", COMPOSE_PASSWORD)).isNotBlank();
    }

    @Test
    void anEmptySecretFileCountsAsUnsetSoAnInitialPasswordIsGenerated() {
        String vol = writeSecret(res.volume("secret"), "\n");
        Container c = startHealthy(hardened().env("DEFAULT_PASSWORD", null).env("DEFAULT_PASSWORD_FILE", "/run/secrets/snapotter/secret")
                .extra("--mount", "type=volume,src=" + vol + ",dst=/run/secrets/snapotter,readonly"));
        ExecResult generated = c.exec("stat", "-c", "%u %a %s", "/data/initial-admin-password");
        assertThat(generated.ok()).as(generated.describe() + "\n" + c.logs()).isTrue();
        String[] f = generated.stdout().strip().split(" ");
        assertThat(f[0]).isEqualTo("999");
        assertThat(f[1]).isEqualTo("600");
        assertThat(Long.parseLong(f[2])).isGreaterThan(8);
    }
}
