package io.xtage.core.standardize;

import io.xtage.core.internal.Gather;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.columns.Column;

/**
 * A table under construction: named columns that may still be shared with an input table
 * ({@code owned == false}; such columns are never modified and are copied when the result is
 * built), with the input and column each came from.
 */
final class Frame {
    final List<String> names = new ArrayList<>();
    final List<Column<?>> cols = new ArrayList<>();
    final List<Boolean> owned = new ArrayList<>();
    final List<String> originInputs = new ArrayList<>();
    final List<String> originColumns = new ArrayList<>();
    int rows;

    Frame(int rows) {
        this.rows = rows;
    }

    void add(String name, Column<?> col, boolean isOwned, String originInput, String originColumn) {
        names.add(name);
        cols.add(col);
        owned.add(isOwned);
        originInputs.add(originInput);
        originColumns.add(originColumn);
    }

    int index(String name) {
        return names.indexOf(name);
    }

    int size() {
        return names.size();
    }

    /** @return a frame of the same columns, each gathered by {@code idx} */
    Frame gather(int[] idx) {
        Frame f = new Frame(idx.length);
        List<Column<?>> gathered = Gather.columns(cols, idx);
        for (int i = 0; i < names.size(); i++) {
            f.add(names.get(i), gathered.get(i), true, originInputs.get(i), originColumns.get(i));
        }
        return f;
    }
}
