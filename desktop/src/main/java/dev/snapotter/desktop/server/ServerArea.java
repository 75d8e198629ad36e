package dev.snapotter.desktop.server;

import dev.snapotter.control.docker.DockerPinger;
import dev.snapotter.control.endpoint.DockerEndpointFinder;
import dev.snapotter.control.endpoint.EndpointStrategies;
import dev.snapotter.control.endpoint.HostEnvironment;
import dev.snapotter.control.api.ApiKeyStore;
import dev.snapotter.control.api.SnapOtterApi;
import dev.snapotter.control.spec.ContainerSpec;
import dev.snapotter.desktop.settings.ServerSettings;
import dev.snapotter.desktop.settings.ServerSettingsStore;
import dev.snapotter.desktop.task.TaskExecutor;

import java.time.Clock;
import java.util.Optional;

/**
 * The Server area's parts, built once by the composition root: the Docker port, onboarding and the running side.
 * Building it touches nothing; Docker is first contacted when the area is opened.
 */
public final class ServerArea implements AutoCloseable {

    private final ServerControl control;
    private final OnboardingViewModel onboarding;
    private final ServerViewModel server;
    private final FirstStartViewModel firstStart;
    private final ServerSettingsViewModel settings;

    public ServerArea(ServerControl control, TaskExecutor executor, Clock clock, ServerSettingsStore settingsStore,
                      ApiKeyStore desktopKey) {
        this(control, executor, clock, settingsStore, desktopKey, SnapOtterApi::local);
    }

    /** @param apiForPort a client for the container's published port (tests point it at a stand-in) */
    ServerArea(ServerControl control, TaskExecutor executor, Clock clock, ServerSettingsStore settingsStore,
               ApiKeyStore desktopKey, java.util.function.IntFunction<SnapOtterApi> apiForPort) {
        this(control, executor, clock, settingsStore, desktopKey, apiForPort, Optional.empty());
    }

    /**
     * @param apiForPort   a client for the container's published port (tests point it at a stand-in)
     * @param imageBuilder the source checkout's image build, offered while the image is missing (empty when installed)
     */
    ServerArea(ServerControl control, TaskExecutor executor, Clock clock, ServerSettingsStore settingsStore,
               ApiKeyStore desktopKey, java.util.function.IntFunction<SnapOtterApi> apiForPort,
               Optional<ImageBuilder> imageBuilder) {
        this.control = control;
        this.onboarding = new OnboardingViewModel(control, executor, imageBuilder);
        this.server = new ServerViewModel(control, executor, clock);
        this.firstStart = new FirstStartViewModel(() -> apiForPort.apply(control.port()), control::initialAdminPassword,
                desktopKey, executor);
        this.settings = new ServerSettingsViewModel(control, settingsStore, executor);
        // After every healthy start: is the desktop signed in? (first start → choose the admin password)
        server.healthyProperty().addListener((o, was, healthy) -> {
            if (healthy) firstStart.check();
        });
    }


    /**
     * The real thing: endpoint discovery (last launch's endpoint first), the hardened spec for this version with
     * the user's settings, the bundled archive, the desktop's own key, and — in a source checkout — the image build.
     */
    public static ServerArea forDocker(TaskExecutor executor, ServerSettingsStore settings, ApiKeyStore desktopKey) {
        ServerSettings saved = settings.get();
        DockerEndpointFinder finder = new DockerEndpointFinder(
                EndpointStrategies.defaults(Optional.ofNullable(System.getProperty("snapotter.docker.host")),
                        ServerSpecs.remembered(saved)),
                HostEnvironment.system(), new DockerPinger());
        ContainerSpec spec = ServerSpecs.from(saved, AppVersion.imageReference());
        String version = AppVersion.get();
        DockerServerControl control = new DockerServerControl(finder, spec, () -> BundledImage.locate(version),
                endpoint -> settings.update(s -> ServerSpecs.remember(s, endpoint)));
        return new ServerArea(control, executor, Clock.systemUTC(), settings, desktopKey, SnapOtterApi::local,
                ImageBuilder.fromCheckout());
    }

    public ServerControl control() {
        return control;
    }

    public OnboardingViewModel onboarding() {
        return onboarding;
    }

    public ServerViewModel server() {
        return server;
    }

    public FirstStartViewModel firstStart() {
        return firstStart;
    }

    public ServerSettingsViewModel settings() {
        return settings;
    }

    @Override
    public void close() {
        server.close();
        control.close();
    }
}
