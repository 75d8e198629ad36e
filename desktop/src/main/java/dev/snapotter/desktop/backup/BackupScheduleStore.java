package dev.snapotter.desktop.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.LocalTime;
import dev.snapotter.desktop.settings.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code backup-schedule.json} in the app-data folder, next to the other settings files and written the same way
 * (whole file or nothing, {@link AtomicFiles}). A damaged file is moved aside and the schedule is off.
 */
public final class BackupScheduleStore {

    private static final Logger LOG = LoggerFactory.getLogger(BackupScheduleStore.class);
    public static final String FILE_NAME = "backup-schedule.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public BackupScheduleStore(Path file) {
        this.file = file;
    }

    public synchronized BackupSchedule load() {
        if (!Files.exists(file)) return BackupSchedule.off();
        try {
            JsonNode n = JSON.readTree(file.toFile());
            return new BackupSchedule(n.path("enabled").asBoolean(false),
                    BackupSchedule.Frequency.valueOf(n.path("frequency").asText("DAILY")),
                    DayOfWeek.valueOf(n.path("day").asText("SUNDAY")), LocalTime.parse(n.path("time").asText("02:00")),
                    n.path("keepLast").asInt(7), n.path("destination").asText(""), n.path("includeModels").asBoolean(false));
        } catch (IOException | RuntimeException e) {
            LOG.warn("The backup schedule {} is unreadable ({}); moving it aside", file, e.getMessage());
            try {
                Files.move(file, file.resolveSibling(file.getFileName() + ".broken"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                LOG.warn("Could not move {} aside: {}", file, moveFailed.getMessage());
            }
            return BackupSchedule.off();
        }
    }

    public synchronized void save(BackupSchedule schedule) throws IOException {
        ObjectNode n = JSON.createObjectNode().put("enabled", schedule.enabled())
                .put("frequency", schedule.frequency().name()).put("day", schedule.day().name())
                .put("time", schedule.time().toString()).put("keepLast", schedule.keepLast())
                .put("destination", schedule.destination()).put("includeModels", schedule.includeModels());
        AtomicFiles.write(file, JSON.writeValueAsBytes(n));
    }
}
