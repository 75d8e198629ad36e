package dev.snapotter.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** One JSON mapper for the server, with limits so hostile documents cannot exhaust memory. */
public final class Json {

    /** Largest JSON request body (settings, pipelines, users...); uploads go through multipart. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32).maxStringLength(MAX_BODY_BYTES).maxNumberLength(100).build());
    }

    private Json() {
    }

    public static void send(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json; charset=utf-8").result(MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void ok(Context ctx, Object body) {
        send(ctx, 200, body);
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request body as a JSON object: 415 if not JSON, 413 if too big, 400 if malformed. */
    public static ObjectNode bodyObject(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw ApiError.unsupportedMediaType("application/json");
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BODY_BYTES) throw ApiError.tooLarge("JSON body larger than " + MAX_BODY_BYTES + " bytes");
        byte[] bytes;
        try (InputStream in = ctx.req().getInputStream()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw ApiError.badRequest("Could not read the request body");
        }
        if (bytes.length > MAX_BODY_BYTES) throw ApiError.tooLarge("JSON body larger than " + MAX_BODY_BYTES + " bytes");
        JsonNode node = parse(bytes);
        if (!(node instanceof ObjectNode obj)) throw ApiError.badRequest("The body must be a JSON object");
        return obj;
    }

    public static JsonNode parse(byte[] bytes) {
        if (bytes.length == 0) throw ApiError.badRequest("The body is empty");
        try {
            return MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw ApiError.badRequest("Malformed JSON");
        }
    }

    /** Parses a JSON object given as a text field (multipart {@code settings}). */
    public static Map<String, Object> parseObjectField(String field, String text) {
        if (text == null || text.isBlank()) return Map.of();
        if (text.length() > MAX_BODY_BYTES) throw ApiError.tooLarge(field + " is too large");
        try {
            JsonNode node = MAPPER.readTree(text);
            if (!(node instanceof ObjectNode)) throw ApiError.badRequest(field + " must be a JSON object");
            return MAPPER.convertValue(node, MAP);
        } catch (IOException e) {
            throw ApiError.badRequest(field + " is not valid JSON");
        }
    }

    public static Map<String, Object> toMap(JsonNode node) {
        return MAPPER.convertValue(node, MAP);
    }
}
