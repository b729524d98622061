package io.xtage.examples.serve;

/** A request the API answers with an error status and a JSON body {@code {"error":..., "status":...}}. */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String allow;

    ApiError(int status, String message) {
        this(status, message, null);
    }

    ApiError(int status, String message, String allow) {
        super(message, null, false, false);
        this.status = status;
        this.allow = allow;
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, message);
    }

    int status() {
        return status;
    }

    /** @return the Allow header of a 405, or null */
    String allow() {
        return allow;
    }
}
