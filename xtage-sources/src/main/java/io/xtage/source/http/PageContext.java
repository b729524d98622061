package io.xtage.source.http;

import java.net.URI;
import java.net.http.HttpHeaders;

/**
 * What a {@link Pagination} sees of the page just read.
 *
 * @param sourceName the source name, for messages
 * @param base the source's URI
 * @param current the URI of the page just read
 * @param page 1-based number of the page just read
 * @param recordsSoFar records read on all pages so far, this one included
 * @param headers the response headers
 * @param body the buffered body, or null unless {@link Pagination#needsBody()}
 * @param authenticated whether requests carry a bearer token (so links must stay on the origin)
 */
record PageContext(String sourceName, URI base, URI current, int page, long recordsSoFar, HttpHeaders headers,
                   byte[] body, boolean authenticated) {
}
