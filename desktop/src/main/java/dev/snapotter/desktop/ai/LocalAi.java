package dev.snapotter.desktop.ai;

import dev.snapotter.ai.AiTools;
import dev.snapotter.ai.model.ModelLocator;
import dev.snapotter.bundles.install.BundleInstaller;
import dev.snapotter.bundles.install.InstallerOptions;
import dev.snapotter.desktop.app.AppDirs;
import dev.snapotter.engine.EngineLimits;
import dev.snapotter.engine.ImageEngine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * AI in Local-engine mode, without Docker: bundles install into the desktop's own data folder
 * ({@code <app data>/ai}, same layout as the server's {@code /data/ai}) and the local engine runs the AI
 * tools from there. One instance per data folder, shared by the engine and the AI panel.
 */
public final class LocalAi {

    private static final Map<Path, LocalAi> INSTANCES = new ConcurrentHashMap<>();

    private final Path bundlesDir;
    private final AiTools tools;
    private BundleInstaller installer;

    private LocalAi(Path bundlesDir) {
        this.bundlesDir = bundlesDir;
        this.tools = AiTools.create(ModelLocator.inBundles(bundlesDir));
    }

    public static LocalAi of(AppDirs dirs) {
        return INSTANCES.computeIfAbsent(dirs.root().resolve("ai").toAbsolutePath().normalize(), LocalAi::new);
    }

    public Path bundlesDir() {
        return bundlesDir;
    }

    /** The local engine with the built-in tools followed by the AI tools. */
    public ImageEngine engine() {
        ImageEngine base = ImageEngine.createDefault();
        return new ImageEngine(base.codec(), tools.extend(base.catalog()), EngineLimits.defaults());
    }

    /** Opened on first use (creates the folder, recovers from an interrupted install); call off the UI thread. */
    public synchronized BundleInstaller installer() throws IOException {
        if (installer == null) {
            installer = BundleInstaller.open(InstallerOptions.defaults(bundlesDir, AppVersionHolder.VERSION).withOnChange(tools::close));
        }
        return installer;
    }

    /** The desktop's version, for bundles' minAppVersion. */
    static final class AppVersionHolder {
        static final String VERSION = version();

        private static String version() {
            String v = LocalAi.class.getPackage().getImplementationVersion();
            return v != null ? v : "0.1.0";
        }
    }
}
