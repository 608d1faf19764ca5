package dev.restoredrill.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** evidence.json: snake_case names, ISO-8601 instants and durations, nulls kept (EVIDENCE.md). */
public final class EvidenceJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private EvidenceJson() {}

    public static String write(DrillEvidence evidence) {
        try {
            return MAPPER.writeValueAsString(evidence) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the evidence records all map to JSON", e);
        }
    }

    public static DrillEvidence read(String json) {
        try {
            return MAPPER.readValue(json, DrillEvidence.class);
        } catch (JsonProcessingException e) {
            throw new EvidenceException("Not drill evidence JSON: " + e.getOriginalMessage()
                    + ". Expected the fields listed in EVIDENCE.md.", e);
        }
    }
}
