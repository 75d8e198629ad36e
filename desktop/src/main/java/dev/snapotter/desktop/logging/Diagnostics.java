package dev.snapotter.desktop.logging;

import dev.snapotter.desktop.settings.AtomicFiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * "Save diagnostics": one zip with system facts, the settings file and the recent log, for a bug
 * report. The remote API key lives in its own file and is never included.
 */
public final class Diagnostics {

    private Diagnostics() {
    }

    public static void write(Path target, Map<String, String> facts, Path settingsFile, List<String> logLines) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "system.txt", systemText(facts));
            if (settingsFile != null && Files.isRegularFile(settingsFile)) entry(zip, "settings.json", Files.readString(settingsFile));
            entry(zip, "log.txt", String.join("\n", logLines) + "\n");
        }
        AtomicFiles.write(target, bytes.toByteArray());
    }

    static String systemText(Map<String, String> facts) {
        StringBuilder sb = new StringBuilder();
        sb.append("created: ").append(Instant.now()).append('\n');
        sb.append("java: ").append(System.getProperty("java.vendor")).append(' ').append(System.getProperty("java.version")).append('\n');
        sb.append("os: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(' ').append(System.getProperty("os.arch")).append('\n');
        sb.append("cpus: ").append(Runtime.getRuntime().availableProcessors()).append('\n');
        sb.append("max heap MB: ").append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append('\n');
        sb.append("uptime ms: ").append(ManagementFactory.getRuntimeMXBean().getUptime()).append('\n');
        facts.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        return sb.toString();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
