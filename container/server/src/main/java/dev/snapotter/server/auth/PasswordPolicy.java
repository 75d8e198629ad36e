package dev.snapotter.server.auth;

import dev.snapotter.server.http.ApiError;

/** SnapOtter's policy: at least 8 characters with an upper-case letter, a lower-case letter and a digit. */
public final class PasswordPolicy {

    /** Upper bound so a megabyte "password" cannot make Argon2 a denial-of-service lever. */
    public static final int MAX_LENGTH = 256;

    private PasswordPolicy() {
    }

    public static void check(String password) {
        if (password == null || password.length() < 8) throw weak("must be at least 8 characters");
        if (password.length() > MAX_LENGTH) throw weak("must be at most " + MAX_LENGTH + " characters");
        if (password.chars().noneMatch(Character::isUpperCase)) throw weak("must contain an upper-case letter");
        if (password.chars().noneMatch(Character::isLowerCase)) throw weak("must contain a lower-case letter");
        if (password.chars().noneMatch(Character::isDigit)) throw weak("must contain a digit");
    }

    private static ApiError weak(String why) {
        return new ApiError(400, "WEAK_PASSWORD", "Password " + why, null);
    }
}
