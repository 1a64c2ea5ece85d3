package dev.aftercart.core.event;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

public enum SubscriptionStatus {
    ACTIVE,
    PAUSED,
    CANCELLED;

    public static final List<String> IDS = Arrays.stream(values()).map(SubscriptionStatus::id).toList();

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SubscriptionStatus fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
