package dev.aftercart.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftercart.core.json.Json;
import dev.aftercart.core.testing.CapturedLog;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class LogTest {

    @Test
    void info_writesOneJsonObjectPerLine_withLevelEventAndFields() {
        try (CapturedLog log = CapturedLog.start()) {
            Log.info("message_sent", "messageId", "m-1", "segments", 2);

            assertThat(log.lines()).singleElement().satisfies(line -> assertThat(Json.parseObject(line))
                    .containsExactly(Map.entry("level", "INFO"), Map.entry("event", "message_sent"),
                            Map.entry("messageId", "m-1"), Map.entry("segments", new BigDecimal("2"))));
        }
    }

    @Test
    void format_namesWarningsAndErrorsAsCloudWatchExpects() {
        assertThat(Json.parseObject(Log.format(Level.WARNING, "e")).get("level")).isEqualTo("WARN");
        assertThat(Json.parseObject(Log.format(Level.SEVERE, "e")).get("level")).isEqualTo("ERROR");
    }

    @Test
    void format_redactsValuesShapedLikeAnEmailAddressOrPhoneNumber() {
        String line = Log.format(Level.INFO, "oops", "detail", "to zephyrine.quill@example.com or +14155550123");

        assertThat(Json.parseObject(line).get("detail")).isEqualTo("to [redacted] or [redacted]");
    }

    @Test
    void format_redactsInsideListsToo() {
        String line = Log.format(Level.WARNING, "event_rejected", "violations",
                java.util.List.of("detail.customer.email: zephyrine.quill@example.com is taken", "detail.total: bad"));

        assertThat(Json.parseObject(line).get("violations"))
                .isEqualTo(java.util.List.of("detail.customer.email: [redacted] is taken", "detail.total: bad"));
    }

    @Test
    void format_redactsInsideMapsToo_atAnyDepth() {
        String line = Log.format(Level.SEVERE, "consent_announce_failed", "detail",
                Map.of("customerId", "jane@shop.example", "nested", Map.of("to", List.of("+14155550123")), "via", "sms"));

        assertThat(line).doesNotContain("jane@shop.example", "4155550123");
        assertThat(Json.parseObject(line).get("detail")).isEqualTo(
                Map.of("customerId", "[redacted]", "nested", Map.of("to", List.of("[redacted]")), "via", "sms"));
    }

    @Test
    void format_rejectsAFieldWithoutAValue() {
        assertThatThrownBy(() -> Log.format(Level.INFO, "e", "lonely")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void metric_withoutDimensions_namesTheEmptySetOnce_soEachValueCountsOnce() {
        try (CapturedLog log = CapturedLog.start()) {
            Log.metric("ConsentAnnouncementsFailed", 1, "Count", Map.of(), java.time.Instant.parse("2026-11-20T10:00:00Z"));

            Map<String, Object> record = Json.parseObject(log.lines().get(0));
            @SuppressWarnings("unchecked")
            Map<String, Object> aws = (Map<String, Object>) record.get("_aws");
            @SuppressWarnings("unchecked")
            Map<String, Object> metrics = ((List<Map<String, Object>>) aws.get("CloudWatchMetrics")).get(0);
            assertThat(metrics.get("Dimensions")).isEqualTo(List.of(List.of()));
        }
    }

    @Test
    void metric_writesEmbeddedMetricFormat_perDimensionSetAndInTotal() {
        try (CapturedLog log = CapturedLog.start()) {
            Log.metric("MessagesFailed", 1, "Count", Map.of("Channel", "email"), java.time.Instant.parse("2026-11-20T10:00:00Z"));

            Map<String, Object> record = Json.parseObject(log.lines().get(0));
            @SuppressWarnings("unchecked")
            Map<String, Object> aws = (Map<String, Object>) record.get("_aws");
            @SuppressWarnings("unchecked")
            Map<String, Object> metrics = ((List<Map<String, Object>>) aws.get("CloudWatchMetrics")).get(0);
            assertThat(metrics.get("Namespace")).isEqualTo("Aftercart");
            assertThat(metrics.get("Dimensions")).isEqualTo(List.of(List.of("Channel"), List.of()));
            assertThat(record).containsEntry("Channel", "email").containsEntry("MessagesFailed", new BigDecimal("1.0"));
            assertThat(aws).containsEntry("Timestamp", new BigDecimal("1795168800000"));
        }
    }
}
