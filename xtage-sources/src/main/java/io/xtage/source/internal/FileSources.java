package io.xtage.source.internal;

import io.xtage.core.ReadResult;
import io.xtage.core.RejectPolicy;
import io.xtage.core.SourceException;
import io.xtage.core.schema.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What the file sources (csv, json) share around their format's reader: which URIs they take,
 * opening and closing the file with the same failure messages, and the same description of their
 * settings.
 *
 * <p>Stateless. Internal: used across the source packages, no compatibility promise.
 */
public final class FileSources {
    private FileSources() {
    }

    /**
     * @param uri a URI, or null
     * @param extensions lower-case name endings, such as {@code .csv.gz}
     * @return true for a {@code file:} URI, or one without a scheme (a relative path), whose path
     *     ends in one of the extensions, in any case
     */
    public static boolean isFileWithExtension(URI uri, List<String> extensions) {
        if (uri == null || (uri.getScheme() != null && !"file".equalsIgnoreCase(uri.getScheme()))) {
            return false;
        }
        String p = uri.getPath();
        if (p == null) {
            return false;
        }
        String lower = p.toLowerCase(Locale.ROOT);
        return extensions.stream().anyMatch(lower::endsWith);
    }

    /**
     * Opens the file, hands its stream to the reader, and closes it.
     *
     * @param path the file
     * @param name the source's name, for messages
     * @param reader reads the whole stream; it does not close it
     * @return what the reader returned
     * @throws SourceException naming the source if the file cannot be opened or closed
     */
    public static ReadResult read(Path path, String name, Function<InputStream, ReadResult> reader) {
        try (InputStream in = Files.newInputStream(path)) {
            return reader.apply(in);
        } catch (NoSuchFileException e) {
            throw new SourceException(name, "cannot open: no such file", e);
        } catch (AccessDeniedException e) {
            throw new SourceException(name, "cannot open: access denied", e);
        } catch (IOException e) {
            throw new SourceException(name, "cannot open or close: " + e.getMessage(), e);
        }
    }

    /**
     * @param options the format's options
     * @param schema the declared schema, or null when it is inferred
     * @param policy the reject policy
     * @return {@code options[, schema], policy}, for the sources' and formats' {@code toString}
     */
    public static String describe(Object options, Schema schema, RejectPolicy policy) {
        return options + (schema == null ? "" : ", " + schema) + ", " + policy.describe();
    }
}
