package dev.aftercart.core.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftercart.core.json.Json;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionTest {

    private static Condition condition(String json) {
        return Condition.parse(Json.parse(json), "journey j.when");
    }

    @Test
    void listedValue_matchesWhenTheFactEqualsOneOfThem() {
        Condition when = condition("{\"status\": [\"delivered\", \"ready_for_pickup\"]}");

        assertThat(when.matches(Map.of("status", "ready_for_pickup"))).isTrue();
        assertThat(when.matches(Map.of("status", "in_transit"))).isFalse();
    }

    @Test
    void listedValue_doesNotMatchAnAbsentFact() {
        assertThat(condition("{\"status\": [\"delivered\"]}").matches(Map.of())).isFalse();
    }

    @Test
    void everyNamedFact_mustMatch() {
        Condition when = condition("{\"status\": [\"delivered\"], \"split\": [true]}");

        assertThat(when.matches(Map.of("status", "delivered", "split", true))).isTrue();
        assertThat(when.matches(Map.of("status", "delivered", "split", false))).isFalse();
    }

    @Test
    void absentCondition_alwaysMatches() {
        assertThat(Condition.parse(null, "journey j.when")).isSameAs(Condition.ALWAYS);
        assertThat(Condition.ALWAYS.matches(Map.of("status", "anything"))).isTrue();
    }

    @Test
    void anythingBut_matchesEveryOtherValue_butNotTheListedOnesNorAnAbsentFact() {
        Condition when = condition("{\"status\": [{\"anything-but\": [\"label_created\"]}]}");

        assertThat(when.matches(Map.of("status", "in_transit"))).isTrue();
        assertThat(when.matches(Map.of("status", "label_created"))).isFalse();
        assertThat(when.matches(Map.of())).isFalse();
    }

    @Test
    void numericRange_matchesInsideItsBoundsOnly() {
        Condition when = condition("{\"itemCount\": [{\"numeric\": [\">\", 1, \"<=\", 3]}]}");

        assertThat(when.matches(Map.of("itemCount", 1))).isFalse();
        assertThat(when.matches(Map.of("itemCount", 2))).isTrue();
        assertThat(when.matches(Map.of("itemCount", 3))).isTrue();
        assertThat(when.matches(Map.of("itemCount", 4))).isFalse();
    }

    @Test
    void numeric_doesNotMatchAFactThatIsNotANumber() {
        Condition when = condition("{\"itemCount\": [{\"numeric\": [\"=\", 2]}]}");

        assertThat(when.matches(Map.of("itemCount", "2"))).isFalse();
        assertThat(when.matches(Map.of())).isFalse();
    }

    @Test
    void numbers_areComparedByValue_notByTheirJavaType() {
        // given: the file's 2.0 is a BigDecimal, the trigger's fact an Integer
        Condition equal = condition("{\"itemCount\": [2.0]}");
        Condition exceptTwo = condition("{\"itemCount\": [{\"anything-but\": [2.00]}]}");
        Condition atLeastTwo = condition("{\"itemCount\": [{\"numeric\": [\">=\", 2]}]}");

        assertThat(equal.matches(Map.of("itemCount", 2))).isTrue();
        assertThat(equal.matches(Map.of("itemCount", 2L))).isTrue();
        assertThat(exceptTwo.matches(Map.of("itemCount", 2))).isFalse();
        assertThat(atLeastTwo.matches(Map.of("itemCount", new BigDecimal("1.999")))).isFalse();
        assertThat(atLeastTwo.matches(Map.of("itemCount", 2.5d))).isTrue();
    }

    @Test
    void aNumber_neverEqualsTheSameDigitsAsText() {
        assertThat(condition("{\"itemCount\": [2]}").matches(Map.of("itemCount", "2"))).isFalse();
    }

    @Test
    void exists_testsPresenceOrAbsence() {
        Condition present = condition("{\"carrier\": [{\"exists\": true}]}");
        Condition absent = condition("{\"carrier\": [{\"exists\": false}]}");

        assertThat(present.matches(Map.of("carrier", "UPS"))).isTrue();
        assertThat(present.matches(Map.of())).isFalse();
        assertThat(absent.matches(Map.of())).isTrue();
        assertThat(absent.matches(Map.of("carrier", "UPS"))).isFalse();
    }

    @Test
    void facts_namesWhatTheConditionReads() {
        assertThat(condition("{\"status\": [\"delivered\"], \"notice\": [\"all_delivered\"]}").facts())
                .containsExactlyInAnyOrder("status", "notice");
    }

    @Test
    void parse_rejectsAConditionThatIsNotAnObject_namingWhere() {
        assertThatThrownBy(() -> condition("[\"delivered\"]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("journey j.when must be an object of fact: [values]");
    }

    @Test
    void parse_rejectsAFactWhoseValuesAreNotAnArray_namingTheFact() {
        assertThatThrownBy(() -> condition("{\"status\": \"delivered\"}"))
                .hasMessage("journey j.when.status must be a non-empty array");
    }

    @Test
    void parse_rejectsAnEmptyListOfValues_namingTheFact() {
        assertThatThrownBy(() -> condition("{\"status\": []}"))
                .hasMessage("journey j.when.status must be a non-empty array");
    }

    @Test
    void parse_rejectsAnOperatorObjectWithTwoOperators() {
        assertThatThrownBy(() -> condition("{\"rating\": [{\"numeric\": [\"<\", 3], \"exists\": true}]}"))
                .hasMessage("journey j.when.rating: an operator object has exactly one of anything-but, numeric, exists");
    }

    @Test
    void parse_rejectsAnUnknownOperator() {
        assertThatThrownBy(() -> condition("{\"status\": [{\"prefix\": \"deliv\"}]}"))
                .hasMessage("journey j.when.status: unknown operator [prefix]");
    }

    @Test
    void parse_rejectsNumericWithAnUnknownComparison() {
        assertThatThrownBy(() -> condition("{\"rating\": [{\"numeric\": [\"=<\", 2]}]}"))
                .hasMessage("journey j.when.rating: numeric takes [operator, number, ...] pairs");
    }

    @Test
    void parse_rejectsNumericWithTextForANumber() {
        assertThatThrownBy(() -> condition("{\"rating\": [{\"numeric\": [\"<=\", \"2\"]}]}"))
                .hasMessage("journey j.when.rating: numeric takes [operator, number, ...] pairs");
    }

    @Test
    void parse_rejectsNumericWithAnOperatorMissingItsNumber() {
        assertThatThrownBy(() -> condition("{\"rating\": [{\"numeric\": [\">\", 1, \"<\"]}]}"))
                .hasMessage("journey j.when.rating: numeric takes [operator, number, ...] pairs");
    }

    @Test
    void parse_rejectsAnythingButThatIsNotAnArray() {
        assertThatThrownBy(() -> condition("{\"status\": [{\"anything-but\": \"label_created\"}]}"))
                .hasMessage("journey j.when.status: anything-but takes an array");
    }

    @Test
    void parse_rejectsExistsThatIsNotABoolean() {
        assertThatThrownBy(() -> condition("{\"carrier\": [{\"exists\": \"yes\"}]}"))
                .hasMessageStartingWith("journey j.when.carrier: ");
    }

    @Test
    void conditions_withTheSameRules_areEqual() {
        assertThat(condition("{\"status\": [\"delivered\"]}")).isEqualTo(condition("{\"status\": [\"delivered\"]}"));
        assertThat(condition("{\"status\": [\"delivered\"]}")).isNotEqualTo(condition("{\"status\": [\"in_transit\"]}"));
    }
}
