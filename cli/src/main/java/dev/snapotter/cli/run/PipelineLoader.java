package dev.snapotter.cli.run;

import dev.snapotter.cli.ExitCodes;
import dev.snapotter.cli.support.UserException;
import dev.snapotter.engine.pipeline.Pipeline;
import dev.snapotter.engine.pipeline.PipelineJson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a pipeline document from a file, or from standard input when the name is "-".
 * Size is capped before reading (a pipeline is a few hundred bytes; a multi-gigabyte file
 * passed by mistake must not be slurped). Parse errors come back from the engine as field errors.
 */
public final class PipelineLoader {

    /** Generous: the engine itself refuses documents above {@link PipelineJson#MAX_JSON_CHARS}. */
    static final long MAX_BYTES = 4L * PipelineJson.MAX_JSON_CHARS;

    private final InputStream stdin;

    public PipelineLoader(InputStream stdin) {
        this.stdin = stdin;
    }

    /** @throws UserException for a missing or unreadable file; InvalidSettingsException for bad JSON */
    public Pipeline load(Path source) {
        return PipelineJson.parse(read(source));
    }

    private String read(Path source) {
        try {
            byte[] bytes;
            if (source.toString().equals("-")) {
                bytes = stdin.readNBytes((int) MAX_BYTES + 1);
            } else {
                if (Files.isDirectory(source)) throw new UserException(ExitCodes.USAGE, "pipeline " + source + " is a folder, not a JSON file");
                if (Files.size(source) > MAX_BYTES) throw tooBig(source);
                bytes = Files.readAllBytes(source);
            }
            if (bytes.length > MAX_BYTES) throw tooBig(source);
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new UserException(ExitCodes.USAGE, "pipeline file not found: " + source);
        } catch (CharacterCodingException e) {
            throw new UserException(ExitCodes.USAGE, "pipeline " + source + " is not UTF-8 text");
        } catch (IOException e) {
            throw new UserException(ExitCodes.IO, "cannot read pipeline " + source + ": " + e.getMessage(), e);
        }
    }

    private static UserException tooBig(Path source) {
        return new UserException(ExitCodes.USAGE, "pipeline " + source + " is larger than " + MAX_BYTES / 1024 + " KiB; is it really a pipeline?");
    }
}
