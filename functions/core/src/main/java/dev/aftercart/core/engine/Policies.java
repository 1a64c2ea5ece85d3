package dev.aftercart.core.engine;

import dev.aftercart.core.journey.Channel;
import dev.aftercart.core.json.Json;
import dev.aftercart.core.policy.SendRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The policies a store owner tunes, read from {@code journeys/policies.json}. Anything the file
 * leaves out keeps its default; anything malformed fails at cold start, naming the field.
 *
 * @param vipTiers loyalty tiers greeted as VIP, compared case-insensitively
 * @param crossSellLimit how many products a cross-sell block shows
 * @param sendRules quiet hours, cooldowns, caps and negative-review suppression
 * @param loyaltyTiers the programme's tiers from lowest to highest, to tell an upgrade
 */
public record Policies(Set<String> vipTiers, int crossSellLimit, SendRules sendRules, List<String> loyaltyTiers) {

    public static final String RESOURCE = "journeys/policies.json";

    public Policies {
        vipTiers = vipTiers.stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        loyaltyTiers = loyaltyTiers.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
    }

    public Policies(Set<String> vipTiers, int crossSellLimit) {
        this(vipTiers, crossSellLimit, SendRules.DEFAULTS, List.of());
    }

    public Policies(Set<String> vipTiers, int crossSellLimit, SendRules sendRules) {
        this(vipTiers, crossSellLimit, sendRules, List.of());
    }

    /**
     * Whether moving from {@code before} to {@code after} climbs the tier ladder. The first tier the
     * programme reports is joining, not an upgrade; a tier the ladder does not name is neither.
     */
    public boolean isUpgrade(String before, String after) {
        if (before == null || after == null) {
            return false;
        }
        int to = loyaltyTiers.indexOf(after.toLowerCase(Locale.ROOT));
        int from = loyaltyTiers.indexOf(before.toLowerCase(Locale.ROOT));
        return to > 0 && to > from;
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
        Object limit = root.getOrDefault("crossSellLimit", BigDecimal.valueOf(3));
        List<String> ladder = (List<String>) root.getOrDefault("loyaltyTiers", List.of());
        return new Policies(Set.copyOf(tiers), ((Number) limit).intValue(), sendRules(root), ladder);
    }

    @SuppressWarnings("unchecked")
    private static SendRules sendRules(Map<String, Object> root) {
        SendRules d = SendRules.DEFAULTS;
        Map<String, Object> quiet = (Map<String, Object>) root.getOrDefault("smsQuietHours", Map.of());
        Map<String, LocalTime> endByRegion = new LinkedHashMap<>(d.smsWindowEndByRegion());
        ((Map<String, Object>) quiet.getOrDefault("endByRegion", Map.of()))
                .forEach((region, end) -> endByRegion.put(region, time(end, "smsQuietHours.endByRegion." + region)));
        Map<String, Object> marketing = (Map<String, Object>) root.getOrDefault("marketing", Map.of());
        Map<Channel, Duration> cooldown = new EnumMap<>(d.marketingCooldown());
        ((Map<String, Object>) marketing.getOrDefault("cooldown", Map.of()))
                .forEach((channel, value) -> cooldown.put(channel(channel, "marketing.cooldown." + channel),
                        duration(value, "marketing.cooldown." + channel)));
        Map<Channel, Integer> cap = new EnumMap<>(d.marketingCap());
        Map<String, Object> caps = (Map<String, Object>) marketing.getOrDefault("cap", Map.of());
        caps.forEach((channel, value) -> {
            if (!channel.equals("window")) {
                cap.put(channel(channel, "marketing.cap." + channel), count(value, "marketing.cap." + channel));
            }
        });
        Map<String, Object> negative = (Map<String, Object>) root.getOrDefault("negativeReview", Map.of());
        return new SendRules(
                time(quiet.getOrDefault("start", d.smsWindowStart().toString()), "smsQuietHours.start"),
                time(quiet.getOrDefault("end", d.smsWindowEnd().toString()), "smsQuietHours.end"),
                endByRegion,
                cooldown,
                cap,
                caps.containsKey("window") ? duration(caps.get("window"), "marketing.cap.window") : d.marketingCapWindow(),
                ((Number) negative.getOrDefault("ratingAtMost", d.negativeRatingAtMost())).intValue(),
                negative.containsKey("suppressFor")
                        ? duration(negative.get("suppressFor"), "negativeReview.suppressFor")
                        : d.negativeReviewSuppression(),
                ((Number) ((Map<String, Object>) root.getOrDefault("email", Map.of()))
                        .getOrDefault("softBouncesInARow", d.softBounceLimit())).intValue(),
                reputation((Map<String, Object>) root.getOrDefault("reputation", Map.of()), d.reputation()));
    }

    private static SendRules.Reputation reputation(Map<String, Object> json, SendRules.Reputation d) {
        return new SendRules.Reputation(
                ((Number) json.getOrDefault("windowSends", d.windowSends())).longValue(),
                ((Number) json.getOrDefault("minimumSends", d.minimumSends())).longValue(),
                ((Number) json.getOrDefault("bounceRateAbove", d.bounceRateAbove())).doubleValue(),
                ((Number) json.getOrDefault("complaintRateAbove", d.complaintRateAbove())).doubleValue(),
                json.containsKey("recheckAfter") ? duration(json.get("recheckAfter"), "reputation.recheckAfter")
                        : d.recheckAfter());
    }

    private static Channel channel(String id, String where) {
        try {
            return Channel.fromId(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(RESOURCE + ": " + where + " names no channel; use email or sms", e);
        }
    }

    private static int count(Object value, String where) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        throw new IllegalArgumentException(RESOURCE + ": " + where + " must be a number");
    }

    private static LocalTime time(Object value, String where) {
        try {
            return LocalTime.parse((String) value);
        } catch (DateTimeParseException | ClassCastException e) {
            throw new IllegalArgumentException(RESOURCE + ": " + where + " must be a local time such as \"08:00\"", e);
        }
    }

    private static Duration duration(Object value, String where) {
        try {
            return Duration.parse((String) value);
        } catch (DateTimeParseException | ClassCastException e) {
            throw new IllegalArgumentException(RESOURCE + ": " + where + " must be an ISO 8601 duration such as \"PT16H\"", e);
        }
    }
}
