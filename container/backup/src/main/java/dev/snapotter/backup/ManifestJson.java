package dev.snapotter.backup;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.time.Instant;

/** manifest.json and the restore journal: ISO-8601 times, stable field order, hostile-input limits. */
final class ManifestJson {

    /** A manifest of 100k files is ~15 MB; more than this is not ours. */
    static final int MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(instants())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(1 << 20).build());
    }

    private ManifestJson() {
    }

    /** ISO-8601 instants without pulling in jackson-datatype-jsr310 for one type. */
    private static SimpleModule instants() {
        SimpleModule module = new SimpleModule("instants");
        module.addSerializer(Instant.class, new StdSerializer<>(Instant.class) {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.toString());
            }
        });
        module.addDeserializer(Instant.class, new StdDeserializer<>(Instant.class) {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                try {
                    return Instant.parse(p.getValueAsString());
                } catch (RuntimeException e) {
                    throw ctx.weirdStringException(p.getText(), Instant.class, "not an ISO-8601 instant");
                }
            }
        });
        return module;
    }

    static byte[] write(Object value) throws IOException {
        return MAPPER.writeValueAsBytes(value);
    }

    static BackupManifest read(byte[] json) throws IOException {
        return MAPPER.readValue(json, BackupManifest.class);
    }
}
