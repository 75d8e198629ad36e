package dev.snapotter.desktop.backend;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RemoteAddressTest {

    @Test
    void httpsIsAlwaysFineAndShowsNoWarning() {
        URI uri = RemoteAddress.parse(" https://snapotter.example.org/ ", false);
        assertThat(uri.getHost()).isEqualTo("snapotter.example.org");
        assertThat(RemoteAddress.warning(uri)).isEmpty();
    }

    @Test
    void plainHttpOnlyToThisComputerUnlessAccepted() {
        assertThat(RemoteAddress.parse("http://127.0.0.1:1349", false).getPort()).isEqualTo(1349);
        assertThat(RemoteAddress.parse("http://localhost:1349", false).getHost()).isEqualTo("localhost");
        assertThatThrownBy(() -> RemoteAddress.parse("http://nas.local:1349", false))
                .isInstanceOf(BackendUnavailableException.class).hasMessageContaining("unencrypted")
                .hasMessageContaining("Allow plain http");
        URI accepted = RemoteAddress.parse("http://nas.local:1349", true);
        assertThat(RemoteAddress.warning(accepted)).contains(RemoteAddress.PLAIN_HTTP_WARNING);
    }

    @Test
    void anythingElseIsRefusedWithAReason() {
        assertThatThrownBy(() -> RemoteAddress.parse("", false)).hasMessageContaining("enter the server's address");
        assertThatThrownBy(() -> RemoteAddress.parse("ftp://x", false)).hasMessageContaining("https://");
        assertThatThrownBy(() -> RemoteAddress.parse("https://user:pw@x.org", false)).hasMessageContaining("user");
        assertThatThrownBy(() -> RemoteAddress.parse("https://x .org", false)).hasMessageContaining("not an address");
    }
}
