package io.xtage.preprocess.step;

import java.util.Map;

/**
 * A built-in step or fitted step whose JSON map is its identity: two are equal when they are of
 * one class and their {@link #toMap()} are equal, and {@code toString} is the class's name and
 * that map ({@code Scale{method=...}}, {@code Scale.Fitted{method=..., fitted=...}}).
 */
abstract class JsonValue {

    /** @return what {@link io.xtage.preprocess.Step#toMap()} and its fitted form write */
    public abstract Map<String, Object> toMap();

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((JsonValue) o).toMap().equals(toMap());
    }

    @Override
    public final int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public final String toString() {
        String name = getClass().getName();
        return name.substring(name.lastIndexOf('.') + 1).replace('$', '.') + toMap();
    }
}
