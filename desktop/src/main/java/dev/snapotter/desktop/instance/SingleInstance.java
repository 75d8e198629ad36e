package dev.snapotter.desktop.instance;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snapotter.desktop.settings.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One running app per user. The first instance holds a file lock in the app-data folder and listens
 * on a loopback socket whose port and a random token are written next to it. A second launch fails
 * to get the lock, sends its file arguments (with the token) to the first, and exits; the first
 * focuses its window and queues the files. The lock dies with the process, so a crash leaves nothing stale.
 */
public final class SingleInstance implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SingleInstance.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONNECT_TIMEOUT_MS = 2000;
    private static final int MAX_MESSAGE_LINES = 10_000;

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final ServerSocket server;
    private final String token;

    private SingleInstance(FileChannel lockChannel, FileLock lock, ServerSocket server, String token) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.server = server;
        this.token = token;
    }

    /** The outcome of {@link #claim}: either we are the primary, or our files were handed over. */
    public sealed interface Claim permits Primary, HandedOver {
    }

    public record Primary(SingleInstance instance) implements Claim {
    }

    public record HandedOver() implements Claim {
    }

    /**
     * Becomes the primary instance, or hands {@code files} to the running one.
     * If the running one does not answer (hung, or a foreign lock), we start anyway rather than refuse.
     */
    public static Claim claim(Path lockFile, Path infoFile, List<String> files) throws IOException {
        Files.createDirectories(lockFile.toAbsolutePath().getParent());
        FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // already held inside this JVM (tests); behave like a second process
        }
        if (lock == null) {
            ch.close();
            if (handOver(infoFile, files)) return new HandedOver();
            LOG.warn("Another SnapOtter seems to run but did not answer; starting a second window anyway");
            return new Primary(new SingleInstance(null, null, null, null));
        }
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        AtomicFiles.writeString(infoFile, JSON.writeValueAsString(Map.of("port", server.getLocalPort(), "token", token)));
        return new Primary(new SingleInstance(ch, lock, server, token));
    }

    /** Starts accepting hand-overs; {@code onFiles} gets each second launch's file list (possibly empty). */
    public void listen(Consumer<List<String>> onFiles) {
        if (server == null) return;
        Thread t = new Thread(() -> acceptLoop(onFiles), "snapotter-instance");
        t.setDaemon(true);
        t.start();
    }

    private void acceptLoop(Consumer<List<String>> onFiles) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setSoTimeout(CONNECT_TIMEOUT_MS);
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                if (!token.equals(in.readLine())) {
                    LOG.warn("Ignored a hand-over with a wrong token");
                    continue;
                }
                List<String> files = new ArrayList<>();
                for (String line; (line = in.readLine()) != null && !line.isEmpty() && files.size() < MAX_MESSAGE_LINES; ) files.add(line);
                PrintWriter out = new PrintWriter(new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8), true);
                out.println("OK");
                onFiles.accept(files);
            } catch (IOException e) {
                if (!server.isClosed()) LOG.warn("Single-instance hand-over failed: {}", e.toString());
            }
        }
    }

    static boolean handOver(Path infoFile, List<String> files) {
        try {
            Map<?, ?> info = JSON.readValue(infoFile.toFile(), Map.class);
            int port = ((Number) info.get("port")).intValue();
            String token = (String) info.get("token");
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MS);
                s.setSoTimeout(CONNECT_TIMEOUT_MS);
                PrintWriter out = new PrintWriter(new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8), true);
                out.println(token);
                files.forEach(f -> out.println(Path.of(f).toAbsolutePath()));
                out.println();
                String answer = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
                return "OK".equals(answer);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Hand-over to the running instance failed", e);
            return false;
        }
    }

    @Override
    public void close() {
        try {
            if (server != null) server.close();
            if (lock != null) lock.release();
            if (lockChannel != null) lockChannel.close();
        } catch (IOException e) {
            LOG.debug("Closing the single-instance lock failed", e);
        }
    }
}
