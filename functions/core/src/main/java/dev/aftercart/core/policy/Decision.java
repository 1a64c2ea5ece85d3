package dev.aftercart.core.policy;

import dev.aftercart.core.ledger.SkipReason;
import java.time.Instant;

/** What the send-time policies say about one message, now. */
public sealed interface Decision {

    record Send() implements Decision {
    }

    record Skip(SkipReason reason) implements Decision {
    }

    /** Not now, but at {@code until}, because of {@code why} (e.g. quiet hours). */
    record Hold(Instant until, String why) implements Decision {
    }
}
