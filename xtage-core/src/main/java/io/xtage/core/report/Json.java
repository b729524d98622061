package io.xtage.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.xtage.core.XtageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes reports and plans as JSON, and reads plans back. Reports and plans expose ordered maps
 * of plain values ({@code toMap()}), so their JSON is stable and engine-neutral. Thread-safe.
 *
 * @since 0.1.0
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /**
     * @param value maps, lists, strings, numbers, booleans and nulls
     * @return pretty-printed JSON
     * @since 0.1.0
     */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new XtageException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @param path the file to write
     * @param value maps, lists and plain values
     * @throws UncheckedIOException if the file cannot be written
     * @since 0.1.0
     */
    public static void write(Path path, Object value) {
        try {
            Files.writeString(path, write(value) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    /**
     * @param json a JSON object
     * @return it as an ordered map of plain values
     * @throws XtageException if the text is not a JSON object
     * @since 0.1.0
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readMap(String json) {
        try {
            return MAPPER.readValue(json, LinkedHashMap.class);
        } catch (JsonProcessingException e) {
            throw new XtageException("cannot read JSON object at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        }
    }
}
