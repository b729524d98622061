package io.xtage.preprocess.step;

import io.xtage.preprocess.StepType;
import java.util.List;

/**
 * The step types built into xtage, for {@link io.xtage.preprocess.StepRegistry#builtIn()}:
 * {@code drop_duplicates}, {@code filter}, {@code normalize_text}, {@code impute},
 * {@code outliers}, {@code bin}, {@code one_hot}, {@code scale}, {@code derive}, {@code cast},
 * {@code rename}, {@code select}, {@code drop}, {@code aggregate}.
 *
 * @since 0.1.0
 */
public final class BuiltInSteps {
    private BuiltInSteps() {
    }

    /**
     * @return a new instance of each built-in step type
     * @since 0.1.0
     */
    public static List<StepType> types() {
        return List.of(new DropDuplicates.Type(), new Filter.Type(), new NormalizeText.Type(), new Impute.Type(),
            new Outliers.Type(), new Bin.Type(), new OneHot.Type(), new Scale.Type(), new Derive.Type(), new Cast.Type(),
            new Rename.Type(), new Select.Type(false), new Select.Type(true), new Aggregate.Type());
    }
}
