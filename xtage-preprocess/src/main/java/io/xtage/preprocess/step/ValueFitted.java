package io.xtage.preprocess.step;

import io.xtage.preprocess.FittedStep;

/** A built-in fitted step whose JSON is all there is to it (see {@link JsonValue}). */
abstract class ValueFitted extends JsonValue implements FittedStep {
    private final String type;

    ValueFitted(String type) {
        this.type = type;
    }

    @Override
    public final String type() {
        return type;
    }
}
