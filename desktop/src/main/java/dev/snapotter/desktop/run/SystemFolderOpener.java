package dev.snapotter.desktop.run;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code java.awt.Desktop} when the platform supports opening folders; otherwise the platform's
 * opener command ({@code xdg-open}, {@code open}, {@code explorer}). Never runs on the FX thread:
 * both can block for seconds while a file manager starts.
 */
public final class SystemFolderOpener implements FolderOpener {

    private static final Logger LOG = LoggerFactory.getLogger(SystemFolderOpener.class);

    @Override
    public void open(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) throw new IOException("The folder " + folder + " does not exist.");
        if (desktopCanOpen()) {
            Desktop.getDesktop().open(folder.toFile());
            return;
        }
        List<String> command = commandFor(System.getProperty("os.name", ""), folder);
        LOG.debug("Opening {} with {}", folder, command.getFirst());
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            // xdg-open returns quickly after handing over; a non-zero exit means no file manager was found.
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() != 0) {
                throw new IOException(command.getFirst() + " could not open the folder (exit code " + p.exitValue() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean desktopCanOpen() {
        try {
            return Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN);
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("java.awt.Desktop is not usable here", e);
            return false;
        }
    }

    static List<String> commandFor(String osName, Path folder) {
        String os = osName.toLowerCase(Locale.ROOT);
        String f = folder.toAbsolutePath().toString();
        if (os.contains("win")) return List.of("explorer.exe", f);
        if (os.contains("mac")) return List.of("open", f);
        return List.of("xdg-open", f);
    }
}
