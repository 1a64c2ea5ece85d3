package dev.aftercart.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageIdTest {

    private static final String ID = MessageId.of("order-confirmation", "confirm", "email", "order:o-1001");

    @Test
    void of_isDeterministic_soARepublishedEventFindsTheSameMessage() {
        assertThat(MessageId.of("order-confirmation", "confirm", "email", "order:o-1001")).isEqualTo(ID);
    }

    @Test
    void of_differsByJourneyStepChannelAndBusinessKey() {
        assertThat(MessageId.of("order-confirmation", "confirm", "sms", "order:o-1001")).isNotEqualTo(ID);
        assertThat(MessageId.of("order-confirmation", "reminder", "email", "order:o-1001")).isNotEqualTo(ID);
        assertThat(MessageId.of("review-request", "confirm", "email", "order:o-1001")).isNotEqualTo(ID);
        assertThat(MessageId.of("order-confirmation", "confirm", "email", "order:o-1002")).isNotEqualTo(ID);
    }

    @Test
    void of_doesNotConfuseFieldBoundaries() {
        assertThat(MessageId.of("a", "bc", "email", "k")).isNotEqualTo(MessageId.of("ab", "c", "email", "k"));
    }

    @Test
    void of_ignoresTheChannelsCase() {
        assertThat(MessageId.of("order-confirmation", "confirm", "EMAIL", "order:o-1001")).isEqualTo(ID);
    }

    @Test
    void of_is26LowercaseBase32Characters() {
        assertThat(ID).hasSize(26).matches("[a-z2-7]{26}");
    }
}
