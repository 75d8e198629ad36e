package dev.snapotter.control.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class HostPortsTest {

    @Test
    void takenPortFallsBackToAFreeOne() throws Exception {
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int taken = busy.getLocalPort();
            assertThat(HostPorts.isFree("127.0.0.1", taken)).isFalse();
            int chosen = HostPorts.choose("127.0.0.1", taken);
            assertThat(chosen).isNotEqualTo(taken).isPositive();
            assertThat(HostPorts.isFree("127.0.0.1", chosen)).isTrue();
        }
    }

    @Test
    void freePreferredPortIsKept() throws Exception {
        int free;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = s.getLocalPort();
        }
        assertThat(HostPorts.choose("127.0.0.1", free)).isEqualTo(free);
    }
}
