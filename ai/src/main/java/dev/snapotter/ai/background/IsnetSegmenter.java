package dev.snapotter.ai.background;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.snapotter.ai.model.ModelLocator;
import dev.snapotter.ai.model.ModelSpec;
import dev.snapotter.ai.onnx.OnnxModelHost;
import dev.snapotter.engine.resample.LanczosResampler;
import dev.snapotter.engine.tool.ToolContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * ISNet (imgly "small") on ONNX Runtime: input {@code input} float[1,3,1024,1024], output
 * {@code output} float[1,1,1024,1024] already in [0, 1] (imgly multiplies it by 255 as is).
 * The model is located on every call and loaded on first use; the SHA-256 of the file is
 * checked once per load so a damaged download fails clearly instead of producing garbage.
 */
public final class IsnetSegmenter implements Segmenter {

    private static final Logger log = LoggerFactory.getLogger(IsnetSegmenter.class);
    private static final long[] SHAPE = {1, 3, IsnetInput.SIZE, IsnetInput.SIZE};

    private final ModelLocator locator;
    private final ModelSpec spec;
    private final Duration idleTimeout;
    private final int threads;
    private final IsnetInput input;
    private OnnxModelHost host; // guarded by this

    public IsnetSegmenter(ModelLocator locator, Duration idleTimeout, int threads) {
        this.locator = locator;
        this.spec = ModelSpec.ISNET_SMALL;
        this.idleTimeout = idleTimeout;
        this.threads = threads;
        this.input = new IsnetInput(new LanczosResampler(threads));
    }

    @Override
    public Mask segment(BufferedImage image, ToolContext context) {
        OnnxModelHost h = host();
        float[] tensor = input.tensor(image, context::checkCancelled);
        context.checkCancelled();
        long t0 = System.nanoTime();
        try {
            float[] mask = h.run((env, session) -> {
                try (OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(tensor), SHAPE);
                     OrtSession.Result result = session.run(Map.of("input", in), Set.of("output"))) {
                    FloatBuffer fb = ((OnnxTensor) result.get(0)).getFloatBuffer();
                    float[] out = new float[fb.remaining()];
                    fb.get(out);
                    return out;
                }
            });
            log.debug("ISNet inference {} ms", (System.nanoTime() - t0) / 1_000_000);
            return new Mask(mask, IsnetInput.SIZE, IsnetInput.SIZE);
        } catch (OrtException e) {
            throw new IllegalStateException("background segmentation failed: " + e.getMessage(), e);
        }
    }

    /** The host for the model file where it is now; a moved or reinstalled model gets a fresh host. */
    private synchronized OnnxModelHost host() {
        Path file = locator.locate(spec);
        if (host != null && host.modelFile().equals(file)) return host;
        ModelLocator.verifyDigest(spec, file);
        if (host != null) host.close();
        host = new OnnxModelHost(file, idleTimeout, threads);
        return host;
    }

    /** Whether the model is loaded in memory right now. */
    public synchronized boolean isLoaded() {
        return host != null && host.isLoaded();
    }

    @Override
    public synchronized void close() {
        if (host != null) host.close();
        host = null;
    }
}
