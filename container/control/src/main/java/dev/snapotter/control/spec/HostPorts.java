package dev.snapotter.control.spec;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Chooses the host port: the preferred one (1349) when nothing listens there, else a free one the OS hands out.
 * Checked by binding the same address Docker will bind, so "taken" means what Docker would see.
 */
public final class HostPorts {

    private HostPorts() {
    }

    public static boolean isFree(String hostIp, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getByName(hostIp), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code preferred} if free, else a free ephemeral port on {@code hostIp}. */
    public static int choose(String hostIp, int preferred) {
        if (preferred > 0 && isFree(hostIp, preferred)) return preferred;
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(hostIp), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port on " + hostIp + ": " + e.getMessage(), e);
        }
    }
}
