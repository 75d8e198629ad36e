package dev.snapotter.desktop.server;

/** Where the desktop stands with the local server's accounts; each state says what happens next in plain words. */
public enum FirstStartState {
    UNKNOWN(""),
    CHECKING("Checking whether the desktop is signed in to the server…"),
    NEEDS_NEW_PASSWORD("First start: the server made a one-time administrator password. Choose your own now;"
            + " the desktop then creates its own API key and keeps it in a file only you can read."),
    NEEDS_SIGN_IN("The desktop has no key for this server yet (its first password was already changed)."
            + " Sign in with an administrator account once; the desktop then creates its own API key."),
    WORKING("Working…"),
    SIGNED_IN("The desktop is signed in to the server with its own API key."),
    AUTH_OFF("Sign-in is switched off for this server: anyone on this computer can use it.");

    private final String explanation;

    FirstStartState(String explanation) {
        this.explanation = explanation;
    }

    public String explanation() {
        return explanation;
    }

    /** The user has something to fill in. */
    public boolean asksUser() {
        return this == NEEDS_NEW_PASSWORD || this == NEEDS_SIGN_IN;
    }
}
