package dev.snapotter.desktop.server;

import dev.snapotter.control.endpoint.DockerUnavailableException;
import dev.snapotter.control.endpoint.EndpointAttempt;

import java.util.stream.Collectors;

/**
 * One pass of the onboarding checks, in the order a user must fix things: Docker found and answering, image
 * loaded, port free. Blocking; the ViewModel runs it on the server lane.
 */
final class OnboardingCheck {

    /** The state reached, the details behind it, and the free port to offer when the usual one is busy. */
    record Outcome(OnboardingState state, String details, int freePort) {
    }

    private OnboardingCheck() {
    }

    static Outcome run(ServerControl control) {
        try {
            control.connect();
        } catch (DockerUnavailableException e) {
            return new Outcome(stateFor(e), attempts(e), 0);
        } catch (RuntimeException e) {
            return new Outcome(OnboardingState.DOCKER_ERROR, String.valueOf(e.getMessage()), 0);
        }
        if (!control.imagePresent()) {
            String details = control.bundledImage().map(p -> "Bundled image archive: " + p)
                    .orElse("No bundled image archive was found next to the app; pick the file yourself.");
            return new Outcome(OnboardingState.IMAGE_MISSING, "Image " + control.image() + " is missing.\n" + details, 0);
        }
        int port = control.port();
        // An existing container already owns its port; only a new one needs the port to be free.
        if (!control.containerExists() && !control.portFree(port)) {
            int free = control.freePortFrom(port);
            return new Outcome(OnboardingState.PORT_BUSY, "Port " + port + " is in use; port " + free + " is free.", free);
        }
        return new Outcome(OnboardingState.READY, "Image " + control.image() + ", port " + port + ".", 0);
    }

    /** The control library's discovery failure kinds, mapped to what the user has to do. */
    static OnboardingState stateFor(DockerUnavailableException e) {
        return e.mostRelevantFailure().map(f -> switch (f) {
            case NO_PERMISSION -> OnboardingState.NO_PERMISSION;
            case NOT_RUNNING -> OnboardingState.DAEMON_NOT_RUNNING;
            case ERROR -> OnboardingState.DOCKER_ERROR;
        }).orElse(OnboardingState.DOCKER_NOT_INSTALLED);
    }

    private static String attempts(DockerUnavailableException e) {
        return "Where SnapOtter looked:\n" + e.attempts().stream().map(EndpointAttempt::toString)
                .map(s -> "  • " + s).collect(Collectors.joining("\n"));
    }
}
