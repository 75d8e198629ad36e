package dev.snapotter.desktop;

import dev.snapotter.desktop.app.AppDirs;
import dev.snapotter.desktop.app.LaunchState;
import dev.snapotter.desktop.app.SnapOtterApp;
import dev.snapotter.desktop.instance.SingleInstance;
import dev.snapotter.desktop.logging.LogSetup;
import javafx.application.Application;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;

/**
 * The class-path main class ({@code exec:exec}, jpackage). A class that extends Application cannot be
 * the main class on the class path, hence this plain launcher: logging first, then the single-instance
 * check (a second launch hands its files over and exits), then JavaFX.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws IOException {
        AppDirs dirs = AppDirs.detect();
        LogSetup.configure(dirs.logDir());
        Logger log = LoggerFactory.getLogger(Launcher.class);
        log.info("SnapOtter starting (Java {}, app data {})", System.getProperty("java.version"), dirs.root());
        List<String> files = List.of(args);
        SingleInstance.Claim claim = SingleInstance.claim(dirs.instanceLock(), dirs.instanceInfo(), files);
        if (claim instanceof SingleInstance.HandedOver) {
            log.info("SnapOtter is already running; handed over {} file(s) to it", files.size());
            return;
        }
        SingleInstance instance = ((SingleInstance.Primary) claim).instance();
        LaunchState.set(new LaunchState(dirs, instance, files));
        Application.launch(SnapOtterApp.class, args);
    }
}
