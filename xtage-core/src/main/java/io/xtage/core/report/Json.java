package io.xtage.core.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.xtage.core.XtageException;
import java.io.IOException;
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
    /** Reads one object and fails on anything after it, so that a damaged plan is not half read. */
    private static final ObjectReader OBJECT_READER = MAPPER.readerFor(new TypeReference<LinkedHashMap<String, Object>>() { })
        .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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
     * @throws XtageException if the file cannot be written, with the IOException as its cause
     * @since 0.1.0
     */
    public static void write(Path path, Object value) {
        try {
            Files.writeString(path, write(value) + "\n");
        } catch (IOException e) {
            throw new XtageException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param json a JSON object, and nothing after it
     * @return it as an ordered map of plain values
     * @throws XtageException if the text is not one JSON object
     * @since 0.1.0
     */
    public static Map<String, Object> readMap(String json) {
        Map<String, Object> m;
        try {
            m = OBJECT_READER.readValue(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new XtageException("cannot read JSON object" + (at == null ? "" : " at line " + at.getLineNr()
                + ", column " + at.getColumnNr()) + ": " + e.getOriginalMessage(), e);
        }
        if (m == null) {
            throw new XtageException("cannot read JSON object: the text is 'null'");
        }
        return m;
    }
}
