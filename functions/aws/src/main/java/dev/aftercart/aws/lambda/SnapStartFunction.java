package dev.aftercart.aws.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import org.crac.Core;
import org.crac.Resource;

/**
 * What every Aftercart Lambda entry shares: before SnapStart takes its snapshot, it primes
 * (renders every template in every language and warms the SDK with one harmless read), so a
 * restored function starts warm. Nothing needs refreshing after restore: the credentials chain
 * resolves container credentials then.
 */
public abstract class SnapStartFunction implements RequestStreamHandler, Resource {

    private final Runnable priming;

    protected SnapStartFunction(Runnable priming) {
        this.priming = priming;
    }

    /** Production constructors call this, so the runtime runs {@link #beforeCheckpoint}; tests and the local runner do not. */
    protected final void primeBeforeSnapshot() {
        Core.getGlobalContext().register(this);
    }

    @Override
    public final void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        priming.run();
    }

    @Override
    public final void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to refresh: the credentials chain resolves container credentials after restore.
    }
}
