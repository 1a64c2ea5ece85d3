package dev.aftercart.infra.it;

import dev.aftercart.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The published {@code Order Placed} sample ({@code infra/events/samples/order-placed.en-US.json})
 * made unique to one test of one run: its own event, order, customer, email address and phone
 * number, placed now. The customer's time zone is one where it is around midday, so the
 * confirmation text is inside SMS quiet hours' window whenever the tests run.
 */
record TestOrder(String customerId, String orderId, String orderNumber, String email, String phone, String envelope) {

    static final Path SAMPLE = EmulatorStack.ROOT.resolve("infra/events/samples/order-placed.en-US.json");

    /** IANA zones no more than two hours apart, so one of them is within an hour of 13:00 at any instant. */
    private static final List<String> ZONES = List.of("Pacific/Honolulu", "America/Anchorage", "America/Los_Angeles",
            "America/Chicago", "America/New_York", "America/Sao_Paulo", "Atlantic/Azores", "Europe/London",
            "Europe/Berlin", "Europe/Athens", "Asia/Dubai", "Asia/Karachi", "Asia/Dhaka", "Asia/Bangkok",
            "Asia/Shanghai", "Asia/Tokyo", "Australia/Sydney", "Pacific/Noumea", "Pacific/Auckland");

    private static final SecureRandom RANDOM = new SecureRandom();

    @SuppressWarnings("unchecked")
    static TestOrder create(String runId, int sequence, Instant now) {
        String key = runId + "-" + sequence;
        String customerId = "cus-it-" + key;
        String orderId = "ord-it-" + key;
        String orderNumber = "#IT-" + key;
        String email = "it-" + key + "@example.com";
        String phone = randomPhone();
        String at = now.truncatedTo(ChronoUnit.SECONDS).toString();

        Map<String, Object> envelope = new LinkedHashMap<>(Json.parseObject(read()));
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("time", at);
        Map<String, Object> detail = new LinkedHashMap<>((Map<String, Object>) envelope.get("detail"));
        detail.put("orderId", orderId);
        detail.put("orderNumber", orderNumber);
        detail.put("placedAt", at);
        detail.put("occurredAt", at);
        Map<String, Object> customer = new LinkedHashMap<>((Map<String, Object>) detail.get("customer"));
        customer.put("customerId", customerId);
        customer.put("email", email);
        customer.put("phone", phone);
        customer.put("timeZone", middayZone(now));
        detail.put("customer", customer);
        envelope.put("detail", detail);
        return new TestOrder(customerId, orderId, orderNumber, email, phone, Json.write(envelope));
    }

    /** The envelope as parsed JSON. */
    Map<String, Object> json() {
        return Json.parseObject(envelope);
    }

    /** The same event from another source, under a different order id so it can be told apart. */
    TestOrder fromSource(String source) {
        Map<String, Object> json = json();
        json.put("source", source);
        @SuppressWarnings("unchecked")
        Map<String, Object> detail = (Map<String, Object>) json.get("detail");
        String otherOrderId = orderId + "-from-" + source.replaceAll("[^A-Za-z0-9]", "");
        detail.put("orderId", otherOrderId);
        return new TestOrder(customerId, otherOrderId, orderNumber, email, phone, Json.write(json));
    }

    /** A US number unique enough for one run; moto-based emulators report numbers ending in 99 as opted out. */
    private static String randomPhone() {
        while (true) {
            String number = "+1415" + String.format("%07d", RANDOM.nextInt(10_000_000));
            if (!number.endsWith("99")) {
                return number;
            }
        }
    }

    static String middayZone(Instant now) {
        LocalTime noonish = LocalTime.of(13, 0);
        return ZONES.stream()
                .min(Comparator.comparing(zone -> distance(now.atZone(ZoneId.of(zone)).toLocalTime(), noonish)))
                .orElseThrow();
    }

    private static Duration distance(LocalTime a, LocalTime b) {
        Duration d = Duration.between(a, b).abs();
        return d.compareTo(Duration.ofHours(12)) > 0 ? Duration.ofHours(24).minus(d) : d;
    }

    private static String read() {
        try {
            return Files.readString(SAMPLE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
