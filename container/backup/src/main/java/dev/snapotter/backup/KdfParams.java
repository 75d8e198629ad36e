package dev.snapotter.backup;

/**
 * Argon2id cost for turning a passphrase into the backup key; stored in the encryption header so a
 * reader uses what the writer used. Readers refuse headers above {@link #MAX} (a hostile file must not
 * make us allocate gigabytes).
 *
 * @param memoryKiB   memory in KiB
 * @param iterations  passes over the memory
 * @param parallelism lanes
 */
public record KdfParams(int memoryKiB, int iterations, int parallelism) {

    /** OWASP's Argon2id recommendation class: 64 MiB, 3 passes, 1 lane (≈0.3 s on one core here). */
    public static final KdfParams DEFAULT = new KdfParams(64 * 1024, 3, 1);
    /** Fast parameters for tests only. */
    public static final KdfParams FAST_FOR_TESTS = new KdfParams(1024, 1, 1);
    static final KdfParams MAX = new KdfParams(1024 * 1024, 16, 16);

    public KdfParams {
        if (memoryKiB < 8 * parallelism || iterations < 1 || parallelism < 1) throw new IllegalArgumentException("invalid Argon2id parameters");
    }

    boolean withinLimits() {
        return memoryKiB <= MAX.memoryKiB && iterations <= MAX.iterations && parallelism <= MAX.parallelism;
    }
}
