package dev.snapotter.server.config;

/**
 * Argon2id cost parameters for password hashing. Production uses {@link #PRODUCTION} (OWASP's
 * 19 MiB / 2 passes / 1 lane profile). Not settable from the environment on purpose: a weak
 * setting must not be one typo away. Tests pass {@link #FAST_FOR_TESTS} programmatically.
 */
public record Argon2Params(int memoryKib, int iterations, int parallelism) {

    public static final Argon2Params PRODUCTION = new Argon2Params(19 * 1024, 2, 1);
    public static final Argon2Params FAST_FOR_TESTS = new Argon2Params(256, 1, 1);

    public Argon2Params {
        if (memoryKib < 8 || iterations < 1 || parallelism < 1) throw new IllegalArgumentException("invalid Argon2 parameters");
    }
}
