package io.xtage.source.http;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xtage.core.SourceException;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an {@link HttpSource} finds the next page: not at all, by page number, by offset, by a
 * cursor in the body, or by the {@code Link} header. Every style stops at an empty page, and a
 * read fails when it would pass {@link HttpOptions#maxPages()}.
 *
 * <p>Immutable and thread-safe. The styles are the factories below; there are no others.
 *
 * <pre>{@code
 * Pagination.pages("page", "per_page", 100);          // ?page=1&per_page=100, ?page=2&per_page=100, ...
 * Pagination.offset("offset", "limit", 500);          // ?offset=0&limit=500, ?offset=500&limit=500, ...
 * Pagination.cursor("/meta/next_cursor", "cursor");    // ?cursor=<value at /meta/next_cursor of the last page>
 * Pagination.linkHeader();                             // Link: <https://...?page=2>; rel="next"
 * }</pre>
 *
 * <p>A short page does not end the read, since some servers return fewer records than asked for;
 * only an empty page, a missing cursor or a missing {@code rel="next"} link does.
 *
 * @since 0.1.0
 */
public abstract class Pagination {
    private static final Pagination NONE = new None();

    Pagination() {
    }

    /** @return one request, no pages @since 0.1.0 */
    public static Pagination none() {
        return NONE;
    }

    /**
     * Page numbers starting at 1.
     *
     * @param pageParam the query parameter of the page number
     * @param sizeParam the query parameter of the page size
     * @param size the page size asked for, positive
     * @return the pagination
     * @since 0.1.0
     */
    public static Pagination pages(String pageParam, String sizeParam, int size) {
        return pages(pageParam, 1, sizeParam, size);
    }

    /**
     * @param pageParam the query parameter of the page number
     * @param firstPage the number of the first page (0 or 1 in most APIs), not negative
     * @param sizeParam the query parameter of the page size
     * @param size the page size asked for, positive
     * @return the pagination
     * @since 0.1.0
     */
    public static Pagination pages(String pageParam, int firstPage, String sizeParam, int size) {
        return new Pages(param(pageParam, "pageParam"), nonNegative(firstPage, "firstPage"),
            param(sizeParam, "sizeParam"), positive(size, "size"));
    }

    /**
     * Offsets starting at 0 and advancing by the records each page held.
     *
     * @param offsetParam the query parameter of the offset
     * @param limitParam the query parameter of the limit
     * @param limit the records per page asked for, positive
     * @return the pagination
     * @since 0.1.0
     */
    public static Pagination offset(String offsetParam, String limitParam, int limit) {
        return new Offset(param(offsetParam, "offsetParam"), param(limitParam, "limitParam"), positive(limit, "limit"));
    }

    /**
     * A cursor read from each JSON page and sent as a query parameter for the next; the read ends
     * when the cursor is missing, null or empty. Where the records are in the body is the format's
     * option (for example the JSON format's records pointer).
     *
     * @param cursorPointer a JSON Pointer (RFC 6901) to the next cursor, such as {@code /next_cursor}
     * @param cursorParam the query parameter the cursor is sent in
     * @return the pagination
     * @throws IllegalArgumentException if the pointer is not a JSON Pointer
     * @since 0.1.0
     */
    public static Pagination cursor(String cursorPointer, String cursorParam) {
        Objects.requireNonNull(cursorPointer, "cursorPointer");
        JsonPointer p;
        try {
            p = JsonPointer.compile(cursorPointer);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursorPointer '" + cursorPointer + "' is not a JSON Pointer (it starts "
                + "with '/', as in /meta/next_cursor); change Pagination.cursor", e);
        }
        if (p.matches()) {
            throw new IllegalArgumentException("cursorPointer must point inside the body, not be empty; "
                + "change Pagination.cursor");
        }
        return new Cursor(p, param(cursorParam, "cursorParam"));
    }

    /**
     * The URL in the {@code Link: <url>; rel="next"} response header (RFC 8288), as GitHub and many
     * others send it. With a bearer token, a next link to another origin fails the read rather
     * than send the token there.
     *
     * @return the pagination
     * @since 0.1.0
     */
    public static Pagination linkHeader() {
        return LinkHeader.INSTANCE;
    }

    /** @return the style: {@code none}, {@code pages}, {@code offset}, {@code cursor} or {@code link} @since 0.1.0 */
    public abstract String kind();

    /** @return the first page's URI */
    abstract URI first(URI base);

    /** @return the next page's URI, or null when this was the last page */
    abstract URI next(PageContext page);

    /** @return true when {@link #next} reads the body, which then has to be buffered */
    boolean needsBody() {
        return false;
    }

    private static String param(String name, String option) {
        Objects.requireNonNull(name, option);
        if (name.isEmpty()) {
            throw new IllegalArgumentException(option + " must not be empty; change the Pagination factory's argument");
        }
        return name;
    }

    private static int positive(int n, String option) {
        if (n < 1) {
            throw new IllegalArgumentException(option + " must be positive, was " + n);
        }
        return n;
    }

    private static int nonNegative(int n, String option) {
        if (n < 0) {
            throw new IllegalArgumentException(option + " must not be negative, was " + n);
        }
        return n;
    }

    private static final class None extends Pagination {
        @Override
        public String kind() {
            return "none";
        }

        @Override
        URI first(URI base) {
            return base;
        }

        @Override
        URI next(PageContext page) {
            return null;
        }

        @Override
        public String toString() {
            return "none";
        }
    }

    private static final class Pages extends Pagination {
        private final String pageParam;
        private final int firstPage;
        private final String sizeParam;
        private final int size;

        Pages(String pageParam, int firstPage, String sizeParam, int size) {
            this.pageParam = pageParam;
            this.firstPage = firstPage;
            this.sizeParam = sizeParam;
            this.size = size;
        }

        @Override
        public String kind() {
            return "pages";
        }

        @Override
        URI first(URI base) {
            return Uris.withParam(Uris.withParam(base, pageParam, Integer.toString(firstPage)), sizeParam,
                Integer.toString(size));
        }

        @Override
        URI next(PageContext page) {
            return Uris.withParam(page.current(), pageParam, Long.toString((long) firstPage + page.page()));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Pages && ((Pages) o).pageParam.equals(pageParam) && ((Pages) o).firstPage == firstPage
                && ((Pages) o).sizeParam.equals(sizeParam) && ((Pages) o).size == size;
        }

        @Override
        public int hashCode() {
            return Objects.hash(pageParam, firstPage, sizeParam, size);
        }

        @Override
        public String toString() {
            return "pages(" + pageParam + " from " + firstPage + ", " + sizeParam + "=" + size + ")";
        }
    }

    private static final class Offset extends Pagination {
        private final String offsetParam;
        private final String limitParam;
        private final int limit;

        Offset(String offsetParam, String limitParam, int limit) {
            this.offsetParam = offsetParam;
            this.limitParam = limitParam;
            this.limit = limit;
        }

        @Override
        public String kind() {
            return "offset";
        }

        @Override
        URI first(URI base) {
            return Uris.withParam(Uris.withParam(base, offsetParam, "0"), limitParam, Integer.toString(limit));
        }

        @Override
        URI next(PageContext page) {
            // By records read, not by the limit: a server that caps the page lower leaves no gap.
            return Uris.withParam(page.current(), offsetParam, Long.toString(page.recordsSoFar()));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Offset && ((Offset) o).offsetParam.equals(offsetParam)
                && ((Offset) o).limitParam.equals(limitParam) && ((Offset) o).limit == limit;
        }

        @Override
        public int hashCode() {
            return Objects.hash(offsetParam, limitParam, limit);
        }

        @Override
        public String toString() {
            return "offset(" + offsetParam + ", " + limitParam + "=" + limit + ")";
        }
    }

    private static final class Cursor extends Pagination {
        private static final ObjectMapper MAPPER = new ObjectMapper();

        private final JsonPointer pointer;
        private final String cursorParam;

        Cursor(JsonPointer pointer, String cursorParam) {
            this.pointer = pointer;
            this.cursorParam = cursorParam;
        }

        @Override
        public String kind() {
            return "cursor";
        }

        @Override
        boolean needsBody() {
            return true;
        }

        @Override
        URI first(URI base) {
            return base;
        }

        @Override
        URI next(PageContext page) {
            JsonNode root;
            try {
                root = MAPPER.readTree(page.body());
            } catch (JsonProcessingException e) {
                // Jackson's message may quote the body; keep only where it broke.
                throw new SourceException(page.sourceName(), "page " + page.page() + " is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                    + "), so its cursor at " + pointer + " cannot be read", null);
            } catch (IOException e) {
                throw new SourceException(page.sourceName(), "cannot read the cursor of page " + page.page(), e);
            }
            if (root == null) {
                return null;
            }
            JsonNode c = root.at(pointer);
            if (c.isMissingNode() || c.isNull()) {
                return null;
            }
            if (!c.isValueNode()) {
                throw new SourceException(page.sourceName(), "the cursor at " + pointer + " on page " + page.page()
                    + " is a JSON " + c.getNodeType().name().toLowerCase(Locale.ROOT)
                    + ", not a string or number; check Pagination.cursor's pointer", null);
            }
            String next = c.asText();
            if (next.isEmpty()) {
                return null;
            }
            if (next.equals(Uris.param(page.current(), cursorParam).orElse(null))) {
                throw new SourceException(page.sourceName(), "page " + page.page() + " returned the cursor it was "
                    + "asked with; the server would loop", null);
            }
            return Uris.withParam(page.current(), cursorParam, next);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Cursor && ((Cursor) o).pointer.toString().equals(pointer.toString())
                && ((Cursor) o).cursorParam.equals(cursorParam);
        }

        @Override
        public int hashCode() {
            return Objects.hash(pointer.toString(), cursorParam);
        }

        @Override
        public String toString() {
            return "cursor(" + pointer + " -> " + cursorParam + ")";
        }
    }

    private static final class LinkHeader extends Pagination {
        static final LinkHeader INSTANCE = new LinkHeader();

        /** One parameter of a link-value: {@code ; name}, {@code ; name=token} or {@code ; name="quoted, text"}. */
        private static final String PARAM = "\\s*;\\s*([^;,=\\s]+)\\s*(?:=\\s*(?:\"([^\"]*)\"|([^;,\\s]*)))?";
        /** One link-value (RFC 8288): {@code <uri>} and its parameters. */
        private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:" + PARAM + ")*)");
        private static final Pattern ONE_PARAM = Pattern.compile(PARAM);

        @Override
        public String kind() {
            return "link";
        }

        @Override
        URI first(URI base) {
            return base;
        }

        @Override
        URI next(PageContext page) {
            for (String header : page.headers().allValues("Link")) {
                Matcher m = LINK.matcher(header);
                while (m.find()) {
                    Matcher param = ONE_PARAM.matcher(m.group(2));
                    while (param.find()) {
                        if (!param.group(1).equalsIgnoreCase("rel")) {
                            continue;
                        }
                        String rels = param.group(2) != null ? param.group(2) : String.valueOf(param.group(3));
                        for (String r : rels.trim().split("\\s+")) {
                            if (r.equalsIgnoreCase("next")) {
                                return resolve(page, m.group(1).trim());
                            }
                        }
                    }
                }
            }
            return null;
        }

        private static URI resolve(PageContext page, String target) {
            URI next;
            try {
                next = page.current().resolve(target);
            } catch (IllegalArgumentException e) {
                throw new SourceException(page.sourceName(), "page " + page.page() + " has a Link rel=\"next\" that is "
                    + "not a URI", null);
            }
            if (next.getScheme() == null || !(next.getScheme().equalsIgnoreCase("http")
                || next.getScheme().equalsIgnoreCase("https"))) {
                throw new SourceException(page.sourceName(), "page " + page.page() + " links to " + Uris.name(next)
                    + ", which is not http or https", null);
            }
            if (page.authenticated() && !Uris.sameOrigin(page.base(), next)) {
                throw new SourceException(page.sourceName(), "page " + page.page() + " links to " + Uris.name(next)
                    + " on another origin; not followed, since the bearer token would be sent there", null);
            }
            if (next.equals(page.current())) {
                throw new SourceException(page.sourceName(), "page " + page.page() + " links to itself as the next "
                    + "page; the server would loop", null);
            }
            return next;
        }

        @Override
        public String toString() {
            return "link";
        }
    }
}
