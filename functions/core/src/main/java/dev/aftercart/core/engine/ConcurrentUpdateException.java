package dev.aftercart.core.engine;

/**
 * Another writer kept winning the conditional write. Thrown so Lambda retries the whole event,
 * which is safe because recording and planning are idempotent.
 */
public final class ConcurrentUpdateException extends RuntimeException {

    public ConcurrentUpdateException(String what) {
        super("gave up after repeated concurrent updates of " + what);
    }
}
