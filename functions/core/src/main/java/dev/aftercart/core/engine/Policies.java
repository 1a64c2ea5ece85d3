package dev.aftercart.core.engine;

import dev.aftercart.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The send policies a store owner tunes, read from {@code journeys/policies.json}.
 *
 * @param vipTiers loyalty tiers greeted as VIP, compared case-insensitively
 * @param crossSellLimit how many products a cross-sell block shows
 */
public record Policies(Set<String> vipTiers, int crossSellLimit) {

    public static final String RESOURCE = "journeys/policies.json";

    public Policies {
        vipTiers = vipTiers.stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public boolean isVip(String tier) {
        return tier != null && vipTiers.contains(tier.toLowerCase(Locale.ROOT));
    }

    public static Policies fromClasspath() {
        try (InputStream in = Policies.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Policies parse(String json) {
        Map<String, Object> root = Json.parseObject(json);
        List<String> tiers = (List<String>) root.getOrDefault("vipTiers", List.of());
        Object limit = root.getOrDefault("crossSellLimit", java.math.BigDecimal.valueOf(3));
        return new Policies(Set.copyOf(tiers), ((Number) limit).intValue());
    }
}
