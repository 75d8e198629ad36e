package dev.snapotter.desktop.server;

import dev.snapotter.control.docker.DockerPinger;
import dev.snapotter.control.endpoint.DockerEndpointFinder;
import dev.snapotter.control.endpoint.EndpointStrategies;
import dev.snapotter.control.endpoint.HostEnvironment;
import dev.snapotter.control.spec.ContainerSpec;
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

    public ServerArea(ServerControl control, TaskExecutor executor, Clock clock) {
        this.control = control;
        this.onboarding = new OnboardingViewModel(control, executor);
        this.server = new ServerViewModel(control, executor, clock);
    }

    /** The real thing: default endpoint discovery, the hardened spec for this version, the bundled archive. */
    public static ServerArea forDocker(TaskExecutor executor) {
        DockerEndpointFinder finder = new DockerEndpointFinder(
                EndpointStrategies.defaults(Optional.ofNullable(System.getProperty("snapotter.docker.host"))),
                HostEnvironment.system(), new DockerPinger());
        ContainerSpec spec = ContainerSpec.hardened(AppVersion.imageReference()).build();
        String version = AppVersion.get();
        return new ServerArea(new DockerServerControl(finder, spec, () -> BundledImage.locate(version)), executor,
                Clock.systemUTC());
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

    @Override
    public void close() {
        server.close();
        control.close();
    }
}
