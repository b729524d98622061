package io.xtage.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a secret (an API token, a database password) is read from: an environment variable or
 * a file. The secret itself is never held: {@link #get()} reads it afresh on every call, so a
 * rotated token or password is picked up, and the supplier can be written into a plan, logged and
 * printed without leaking anything.
 *
 * <p>Immutable and thread-safe. {@link #toString()} names the variable or file, never the value.
 *
 * <pre>{@code
 * SecretSupplier token = SecretSupplier.env("XTAGE_API_TOKEN");
 * SecretSupplier password = SecretSupplier.file(Path.of("/run/secrets/pg_password"));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SecretSupplier {
    /** Where the secret comes from. */
    public enum Kind {
        /** An environment variable. */
        ENV,
        /** A file whose content (without surrounding whitespace) is the secret. */
        FILE
    }

    private final Kind kind;
    private final String reference;

    private SecretSupplier(Kind kind, String reference) {
        this.kind = kind;
        this.reference = reference;
    }

    /**
     * @param variable the environment variable's name, such as {@code XTAGE_API_TOKEN}
     * @return a supplier reading that variable
     * @throws IllegalArgumentException if the name is empty or contains '='
     * @since 0.1.0
     */
    public static SecretSupplier env(String variable) {
        Objects.requireNonNull(variable, "variable");
        if (variable.isEmpty() || variable.indexOf('=') >= 0) {
            throw new IllegalArgumentException("SecretSupplier.env needs a variable name without '=', was '"
                + variable + "'");
        }
        return new SecretSupplier(Kind.ENV, variable);
    }

    /**
     * @param path a file holding the secret; surrounding whitespace (a final newline) is ignored
     * @return a supplier reading that file
     * @since 0.1.0
     */
    public static SecretSupplier file(Path path) {
        return new SecretSupplier(Kind.FILE, Objects.requireNonNull(path, "path").toString());
    }

    /** @return where the secret comes from @since 0.1.0 */
    public Kind kind() {
        return kind;
    }

    /** @return the variable name or the file path (not the secret) @since 0.1.0 */
    public String reference() {
        return reference;
    }

    /**
     * Reads the secret now.
     *
     * @return the secret, never null or blank
     * @throws XtageException if the variable is unset or blank, or the file cannot be read or is
     *     blank; the message names the variable or file, never a value
     * @since 0.1.0
     */
    public String get() {
        String value;
        if (kind == Kind.ENV) {
            value = System.getenv(reference);
            if (value == null || value.isBlank()) {
                throw new XtageException("environment variable " + reference + " is not set or is blank; "
                    + "set it to the secret");
            }
        } else {
            try {
                value = Files.readString(Path.of(reference), StandardCharsets.UTF_8);
            } catch (IOException e) {
                // The exception names the file only; file contents never appear in an IOException.
                throw new XtageException("cannot read secret file " + reference + ": " + e, e);
            }
            if (value.isBlank()) {
                throw new XtageException("secret file " + reference + " is empty");
            }
        }
        return value.strip();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretSupplier && ((SecretSupplier) o).kind == kind
            && ((SecretSupplier) o).reference.equals(reference);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, reference);
    }

    @Override
    public String toString() {
        return kind == Kind.ENV ? "SecretSupplier[env " + reference + "]" : "SecretSupplier[file " + reference + "]";
    }
}
