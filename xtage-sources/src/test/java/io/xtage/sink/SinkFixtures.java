package io.xtage.sink;

import java.time.LocalDate;
import java.time.LocalDateTime;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Small tables that every sink test writes. */
public final class SinkFixtures {
    private SinkFixtures() {
    }

    /**
     * Four rows, one column of each xtage type; row 2 is missing everywhere except its id; row 4
     * has text that needs quoting or escaping everywhere.
     */
    public static Table allTypes() {
        LongColumn id = LongColumn.create("id", new long[] {1, 2, 3, 4});
        IntColumn qty = IntColumn.create("qty", new int[] {5, Integer.MIN_VALUE, -7, 0});
        DoubleColumn price = DoubleColumn.create("price", new double[] {12.5, Double.NaN, 0.0001, 1241.0099999999998});
        StringColumn name = StringColumn.create("name", "plain", "", "has,comma \"quoted\"", "line\nbreak\\tab\t");
        BooleanColumn active = BooleanColumn.create("active", 4);
        active.set(0, true);
        active.setMissing(1);
        active.set(2, false);
        active.set(3, true);
        DateColumn day = DateColumn.create("day", LocalDate.of(2024, 3, 1), null, LocalDate.of(1999, 12, 31),
            LocalDate.of(1, 1, 1));
        DateTimeColumn at = DateTimeColumn.create("at", LocalDateTime.of(2024, 3, 1, 9, 30), null,
            LocalDateTime.of(2024, 3, 1, 9, 30, 15, 250_000_000), LocalDateTime.of(2000, 1, 1, 0, 0));
        return Table.create("all_types", id, qty, price, name, active, day, at);
    }
}
