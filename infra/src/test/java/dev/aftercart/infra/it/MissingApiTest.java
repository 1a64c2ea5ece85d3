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

    /** What LocalStack 4 Community answers every SES v2 call with: it has no provider for the service. */
    static final String LOCALSTACK_NO_PROVIDER = "The API for service 'sesv2' is either not included in your current"
            + " license plan or has not yet been emulated by LocalStack. Please refer to"
            + " https://docs.localstack.cloud/references/coverage for more details.";

    @Test
    void probe_reportsTheApiMissing_whenTheEmulatorAnswers501() {
        Part<String> part = MissingApi.probe("SES v2 CreateEmailIdentity", "the emulator at http://localhost:4566",
                () -> {
                    throw error(501, "InternalFailure", LOCALSTACK_NO_PROVIDER);
                });

        assertThat(part).isEqualTo(new Part.Missing<String>("SES v2 CreateEmailIdentity is not available on the"
                + " emulator at http://localhost:4566 (501 InternalFailure: " + LOCALSTACK_NO_PROVIDER + ")"));
    }

    @Test
    void reason_recognisesLocalStacksWording_onAnyStatus() {
        assertThat(MissingApi.reason(error(500, "InternalFailure", LOCALSTACK_NO_PROVIDER)))
                .isEqualTo("500 InternalFailure: " + LOCALSTACK_NO_PROVIDER);
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
    void reason_countsA404AsMissing_whenNoRouteAnswered() {
        assertThat(MissingApi.reason(error(404, null, "Service returned HTTP status code 404")))
                .isEqualTo("404 Service returned HTTP status code 404");
    }

    @Test
    void probe_rethrows_aNotFound404_fromAnApiThatIsThere() {
        AwsServiceException scheduler = error(404, "ResourceNotFoundException",
                "Schedule group aftercart-it-0a1b2c3d does not exist.");
        AwsServiceException ses = error(404, "NotFoundException", "Configuration set <aftercart-it-0a1b2c3d> does not exist.");

        assertThatThrownBy(() -> MissingApi.probe("EventBridge Scheduler CreateSchedule", "emulator", () -> {
            throw scheduler;
        })).isSameAs(scheduler);
        assertThatThrownBy(() -> MissingApi.probe("SES v2 CreateEmailIdentity", "emulator", () -> {
            throw ses;
        })).isSameAs(ses);
    }

    @Test
    void reason_isNull_forFreeTextThatOnlyResemblesAMissingApi() {
        assertThat(MissingApi.reason(error(400, "ValidationException", "Attribute type N is not supported for keys")))
                .isNull();
        assertThat(MissingApi.reason(error(400, "InvalidParameterValue", "Feature not implemented for FIFO topics")))
                .isNull();
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
