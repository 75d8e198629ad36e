package dev.snapotter.desktop.server;

/**
 * Where the way to a running local server stands, in words a non-technical user can act on:
 * what is wrong, and how to fix it. Every state offers "Check again".
 */
public enum OnboardingState {
    CHECKING("Checking Docker…",
            "SnapOtter is looking for Docker on this computer.",
            "Wait a moment."),
    DOCKER_NOT_INSTALLED("Docker is not installed",
            "The local server runs inside Docker, and no Docker installation was found on this computer.",
            "Install Docker: on Debian/Ubuntu run \"sudo apt-get install docker.io\"; on Windows or macOS install "
                    + "Docker Desktop (or Colima / Rancher Desktop / Podman). Then press Check again."),
    DAEMON_NOT_RUNNING("Docker is not running",
            "Docker is installed, but its background service (the daemon) is not answering.",
            "Start Docker: on Linux run \"sudo systemctl start docker\"; on Windows or macOS open Docker Desktop "
                    + "and wait until it says it is running. Then press Check again."),
    NO_PERMISSION("No permission to use Docker",
            "Docker is running, but your user account is not allowed to talk to it.",
            "Add yourself to the docker group: \"sudo usermod -aG docker $USER\", then log out and back in "
                    + "(or restart the computer) and press Check again."),
    DOCKER_ERROR("Docker did not answer properly",
            "Something answered where Docker should be, but the conversation failed (see the details below).",
            "Check the Docker settings (DOCKER_HOST, TLS certificates, docker context), restart Docker, "
                    + "then press Check again."),
    IMAGE_MISSING("The SnapOtter image is not loaded",
            "Docker works, but the SnapOtter server image is not in it yet. It ships with the app as a file; "
                    + "nothing is downloaded.",
            "Press \"Load bundled image\", or \"Pick image file…\" to choose the snapotter-image-<version>.tar "
                    + "from the SnapOtter offline kit (or the release download) if it is not next to the app."),
    LOADING_IMAGE("Loading the image…",
            "The SnapOtter image is being loaded into Docker. This takes up to a minute.",
            "Wait a moment."),
    BUILDING_IMAGE("Building the image…",
            "container/image/build.sh is building the SnapOtter image from this source checkout; its output is "
                    + "shown below. The first build takes several minutes, later ones reuse their caches.",
            "Wait until it finishes, or press \"Cancel build\"."),
    PORT_BUSY("The usual port is in use",
            "Another program already uses the port the server normally listens on.",
            "Press \"Use the free port\" to run on the free port shown below, or stop the other program "
                    + "and press Check again."),
    READY("Ready",
            "Docker works and the SnapOtter image is loaded.",
            "Press Start.");

    private final String title;
    private final String explanation;
    private final String fix;

    OnboardingState(String title, String explanation, String fix) {
        this.title = title;
        this.explanation = explanation;
        this.fix = fix;
    }

    public String title() {
        return title;
    }

    public String explanation() {
        return explanation;
    }

    public String fix() {
        return fix;
    }

    /** States in which the user can act (and "Check again" makes sense). */
    public boolean settled() {
        return this != CHECKING && this != LOADING_IMAGE && this != BUILDING_IMAGE;
    }
}
