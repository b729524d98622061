package io.xtage.preprocess;

import java.util.Map;

/**
 * The service that reads one kind of step back from JSON: the plug-in point for user steps.
 *
 * <p>An implementation has a public no-arg constructor and no state, and is listed in
 * {@code META-INF/services/io.xtage.preprocess.StepType}; {@link StepRegistry#load()} finds it.
 * Or add it explicitly with {@link StepRegistry#with(StepType)}. Its {@link #name()} is the
 * {@code type} field of the step's JSON and equals the {@link Step#type()} and
 * {@link FittedStep#type()} of the steps it reads.
 *
 * <pre>{@code
 * public final class ClampType implements StepType {
 *     public String name() { return "acme.clamp"; }
 *     public Step readStep(Map<String, Object> json) { return Clamp.of((String) json.get("column")); }
 *     public FittedStep readFitted(Map<String, Object> json) { return FittedClamp.fromMap(json); }
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public interface StepType {

    /**
     * @return the type name, unique among installed step types; user types should carry a
     *     prefix ({@code acme.clamp}) so they never clash with built-in names
     * @since 0.1.0
     */
    String name();

    /**
     * @param json what {@link Step#toMap()} wrote, without the {@code type} key
     * @return the step
     * @throws io.xtage.core.XtageException if the map is not a valid step of this type
     * @since 0.1.0
     */
    Step readStep(Map<String, Object> json);

    /**
     * @param json what {@link FittedStep#toMap()} wrote, without the {@code type} key
     * @return the fitted step, equal in behaviour to the one written
     * @throws io.xtage.core.XtageException if the map is not a valid fitted step of this type
     * @since 0.1.0
     */
    FittedStep readFitted(Map<String, Object> json);
}
