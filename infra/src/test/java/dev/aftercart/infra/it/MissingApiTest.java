package dev.aftercart.infra.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftercart.infra.it.MissingApi.Part;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Telling an API the emulator lacks (skip) from a call that failed (fail). */
class MissingApiTest {

    @Test
    void probe_reportsTheApiMissing_whenTheEmulatorAnswers501() {
        Part<String> part = MissingApi.probe("SES v2 CreateEmailIdentity", "the emulator at http://localhost:4566",
                () -> {
                    throw error(501, "InternalFailure", "API for service 'sesv2' not yet implemented or pro feature");
                });

        assertThat(part).isEqualTo(new Part.Missing<String>("SES v2 CreateEmailIdentity is not available on the"
                + " emulator at http://localhost:4566 (501 InternalFailure: API for service 'sesv2' not yet"
                + " implemented or pro feature)"));
    }

    @Test
    void probe_reportsTheApiMissing_forAnUnknownOperation() {
        Part<String> part = MissingApi.probe("Scheduler CreateScheduleGroup", "emulator",
                () -> {
                    throw error(400, "UnknownOperationException", null);
                });

        assertThat(part).isInstanceOf(Part.Missing.class);
    }

    @Test
    void probe_rethrows_whenTheCallFailedForAnyOtherReason() {
        AwsServiceException invalid = error(400, "ValidationException", "1 validation error detected");

        assertThatThrownBy(() -> MissingApi.probe("DynamoDB CreateTable", "emulator", () -> {
            throw invalid;
        })).isSameAs(invalid);
    }

    @Test
    void require_skipsTheTest_sayingWhatIsMissing() {
        Part<String> missing = new Part.Missing<>("SES v2 CreateEmailIdentity is not available on emulator (501)");

        assertThatThrownBy(missing::require).isInstanceOf(TestAbortedException.class)
                .hasMessage("SES v2 CreateEmailIdentity is not available on emulator (501), so this test cannot run there.");
        assertThat(new Part.Available<>("table").require()).isEqualTo("table");
    }

    private static AwsServiceException error(int status, String code, String message) {
        return AwsServiceException.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
                .build();
    }
}
