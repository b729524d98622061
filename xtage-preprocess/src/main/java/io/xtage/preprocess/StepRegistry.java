package io.xtage.preprocess;

import io.xtage.core.XtageException;
import io.xtage.preprocess.step.BuiltInSteps;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * The step types that JSON plans can name: the built-in ones, plus user types added explicitly
 * or found by {@link ServiceLoader}. Discovery happens only in {@link #load()} and
 * {@link #load(ClassLoader)}, never in a static initialiser. Immutable and thread-safe.
 *
 * <pre>{@code
 * FittedPreprocessor p = FittedPreprocessor.fromJson(json, StepRegistry.builtIn().with(new ClampType()));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class StepRegistry {
    private final Map<String, StepType> types;

    private StepRegistry(Map<String, StepType> types) {
        this.types = Collections.unmodifiableMap(new TreeMap<>(types));
    }

    /**
     * @return the built-in step types only
     * @since 0.1.0
     */
    public static StepRegistry builtIn() {
        StepRegistry r = new StepRegistry(Map.of());
        for (StepType t : BuiltInSteps.types()) {
            r = r.with(t);
        }
        return r;
    }

    /**
     * @return the built-in step types plus those listed in
     *     {@code META-INF/services/io.xtage.preprocess.StepType} on the thread's context class
     *     loader
     * @throws IllegalStateException if two types share a name
     * @since 0.1.0
     */
    public static StepRegistry load() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return load(cl == null ? StepRegistry.class.getClassLoader() : cl);
    }

    /**
     * @param loader where to look for {@code META-INF/services/io.xtage.preprocess.StepType}
     * @return the built-in step types plus the ones found
     * @throws IllegalStateException if two types share a name
     * @since 0.1.0
     */
    public static StepRegistry load(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        StepRegistry r = builtIn();
        for (StepType t : ServiceLoader.load(StepType.class, loader)) {
            if (r.types.get(t.name()) != null && r.types.get(t.name()).getClass() == t.getClass()) {
                continue;
            }
            r = r.with(t);
        }
        return r;
    }

    /**
     * @param type another step type
     * @return a new registry with it added
     * @throws IllegalStateException if a type of the same name is already registered
     * @since 0.1.0
     */
    public StepRegistry with(StepType type) {
        Objects.requireNonNull(type, "type");
        String name = Objects.requireNonNull(type.name(), "type.name()");
        if (name.isEmpty() || name.equals("type")) {
            throw new IllegalArgumentException("step type name must not be empty or 'type': " + type.getClass().getName());
        }
        StepType old = types.get(name);
        if (old != null) {
            throw new IllegalStateException("two step types are named '" + name + "': " + old.getClass().getName()
                + " and " + type.getClass().getName() + "; give one of them another name");
        }
        Map<String, StepType> m = new LinkedHashMap<>(types);
        m.put(name, type);
        return new StepRegistry(m);
    }

    /**
     * @param name a type name
     * @return the type of that name
     * @since 0.1.0
     */
    public Optional<StepType> find(String name) {
        return Optional.ofNullable(types.get(name));
    }

    /**
     * @return the registered type names, sorted
     * @since 0.1.0
     */
    public Set<String> names() {
        return types.keySet();
    }

    StepType require(Object name) {
        if (!(name instanceof String)) {
            throw new XtageException("step in JSON: field 'type' must be a string naming the step type, found " + name);
        }
        StepType t = types.get(name);
        if (t == null) {
            throw new XtageException("step in JSON: unknown step type '" + name + "'; known types: " + names()
                + " (add a user type with StepRegistry.with(StepType) or META-INF/services/"
                + StepType.class.getName() + ")");
        }
        return t;
    }

    Step readStep(Map<String, Object> json) {
        Map<String, Object> rest = new LinkedHashMap<>(json);
        StepType t = require(rest.remove("type"));
        return Objects.requireNonNull(t.readStep(rest), t.name() + ".readStep returned null");
    }

    FittedStep readFitted(Map<String, Object> json) {
        Map<String, Object> rest = new LinkedHashMap<>(json);
        StepType t = require(rest.remove("type"));
        return Objects.requireNonNull(t.readFitted(rest), t.name() + ".readFitted returned null");
    }

    @Override
    public String toString() {
        return "StepRegistry" + names();
    }
}
