package dev.snapotter.control.monitor;

import com.github.dockerjava.api.model.Event;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** A container event we act on; {@code action} is Docker's raw action, e.g. "health_status: healthy". */
public record ContainerEvent(Kind kind, String containerId, String action, Instant time,
                             Map<String, String> attributes) {

    public enum Kind { START, DIE, OOM, HEALTH_STATUS, OTHER }

    public ContainerEvent {
        attributes = Map.copyOf(attributes);
    }

    static ContainerEvent of(Event event) {
        String action = event.getAction() != null ? event.getAction() : String.valueOf(event.getStatus());
        Instant time = event.getTimeNano() != null ? Instant.ofEpochSecond(0, event.getTimeNano())
                : Instant.ofEpochSecond(event.getTime() == null ? 0 : event.getTime());
        Map<String, String> attributes = event.getActor() == null || event.getActor().getAttributes() == null
                ? Map.of() : event.getActor().getAttributes();
        return new ContainerEvent(kind(action), event.getId(), action, time, attributes);
    }

    static Kind kind(String action) {
        if (action.startsWith("health_status")) return Kind.HEALTH_STATUS;
        return switch (action) {
            case "start" -> Kind.START;
            case "die" -> Kind.DIE;
            case "oom" -> Kind.OOM;
            default -> Kind.OTHER;
        };
    }

    /** "healthy", "unhealthy" or "starting" for health events. */
    public Optional<String> healthStatus() {
        int colon = action.indexOf(':');
        return kind == Kind.HEALTH_STATUS && colon > 0 ? Optional.of(action.substring(colon + 1).trim())
                : Optional.empty();
    }

    /** The exit code carried by a die event. */
    public Optional<Integer> exitCode() {
        try {
            return Optional.ofNullable(attributes.get("exitCode")).map(Integer::valueOf);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
