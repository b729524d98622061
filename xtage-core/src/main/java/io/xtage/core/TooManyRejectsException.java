package io.xtage.core;

import java.util.List;

/**
 * A read rejected more rows than its {@link RejectPolicy} allows.
 *
 * @since 0.1.0
 */
public class TooManyRejectsException extends XtageException {
    private static final long serialVersionUID = 1L;

    /** How many rejects the exception keeps, so a huge read does not hold all of them twice. */
    public static final int KEPT = 20;

    private final transient List<Reject> firstRejects;
    private final String limit;

    /**
     * @param source the source name
     * @param limit the limit that was passed, as {@link RejectPolicy#describe()} gives it
     * @param rowsRejected how many rows had a reject
     * @param rowsRead how many records were read
     * @param rejects the rejects so far; the first {@link #KEPT} are kept
     * @since 0.1.0
     */
    public TooManyRejectsException(String source, String limit, long rowsRejected, long rowsRead, List<Reject> rejects) {
        super(source + ": " + rowsRejected + " of " + rowsRead + " records rejected, more than the reject policy "
            + limit + " allows; first: " + (rejects.isEmpty() ? "none" : rejects.get(0).message()));
        this.limit = limit;
        this.firstRejects = List.copyOf(rejects.subList(0, Math.min(KEPT, rejects.size())));
    }

    /** @return the first rejects, at most {@link #KEPT} @since 0.1.0 */
    public List<Reject> firstRejects() {
        return firstRejects;
    }

    /** @return the limit that was passed @since 0.1.0 */
    public String limit() {
        return limit;
    }
}
