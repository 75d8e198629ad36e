package dev.snapotter.control.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns VolumeTool's one-line JSON results into the short sentences a restore report shows (the full JSON stays in
 * the log). Anything that is not JSON is passed through.
 */
final class ToolOutput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ToolOutput() {
    }

    static String describe(String lastLine) {
        if (!lastLine.startsWith("{")) return lastLine;
        try {
            JsonNode n = JSON.readTree(lastLine);
            if (n.path("valid").asBoolean(false)) {
                return "the image accepts it (" + n.path("fileCount").asInt() + " files, database schema "
                        + n.path("manifest").path("schemaVersion").asInt() + ")";
            }
            if (n.path("restored").asBoolean(false)) {
                return n.path("files").asInt() + " files (" + n.path("bytes").asLong() + " bytes) in place, rows "
                        + "checked; the previous data waits in " + n.path("previousDir").asText();
            }
            if (n.path("committed").asBoolean(false)) return "the previous data was deleted";
            if (n.path("rolledBack").asBoolean(false)) return "the previous data is back in place";
            return lastLine;
        } catch (java.io.IOException e) {
            return lastLine;
        }
    }
}
