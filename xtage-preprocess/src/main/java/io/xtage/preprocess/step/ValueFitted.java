package io.xtage.preprocess.step;

import io.xtage.preprocess.FittedStep;

/**
 * A built-in fitted step whose JSON is all there is to it: two are equal when their
 * {@link #toMap()} are, and {@code toString} is the class's name and that map
 * ({@code Scale.Fitted{method=...}}).
 */
abstract class ValueFitted implements FittedStep {
    private final String type;

    ValueFitted(String type) {
        this.type = type;
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((ValueFitted) o).toMap().equals(toMap());
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
