package dev.snapotter.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Typed reads from a JSON request body; wrong types are 400s that name the field. */
public final class Fields {

    private Fields() {
    }

    public static String requiredString(ObjectNode body, String name, int maxLength) {
        return optionalString(body, name, maxLength).orElseThrow(() -> ApiError.badRequest(name + " is required"));
    }

    public static Optional<String> optionalString(ObjectNode body, String name, int maxLength) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) return Optional.empty();
        if (!n.isTextual()) throw ApiError.badRequest(name + " must be a string");
        String s = n.textValue();
        if (s.length() > maxLength) throw ApiError.badRequest(name + " must be at most " + maxLength + " characters");
        return Optional.of(s);
    }

    public static Optional<Boolean> optionalBoolean(ObjectNode body, String name) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) return Optional.empty();
        if (!n.isBoolean()) throw ApiError.badRequest(name + " must be true or false");
        return Optional.of(n.booleanValue());
    }

    public static Optional<List<String>> optionalStringList(ObjectNode body, String name, int maxItems) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) return Optional.empty();
        if (!n.isArray()) throw ApiError.badRequest(name + " must be an array of strings");
        if (n.size() > maxItems) throw ApiError.badRequest(name + " has more than " + maxItems + " items");
        List<String> out = new ArrayList<>();
        for (JsonNode item : n) {
            if (!item.isTextual()) throw ApiError.badRequest(name + " must be an array of strings");
            out.add(item.textValue());
        }
        return Optional.of(out);
    }
}
