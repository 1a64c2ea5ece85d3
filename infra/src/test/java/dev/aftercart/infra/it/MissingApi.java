package dev.aftercart.infra.it;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Tells "this emulator does not implement that API" apart from a real failure. Emulators answer an
 * API they lack with 501 (LocalStack: "The API for service 'sesv2' is either not included in your
 * current license plan or has not yet been emulated by LocalStack"), or with a NotImplemented /
 * UnknownOperation / InvalidAction error, or, for a REST API they have no route for, 404. A 404
 * whose code says what was not found (ResourceNotFoundException, NotFoundException, NoSuch…) comes
 * from an API that is there, so it is a failure. Setup calls go through {@link #probe}; a test
 * needing what is missing skips with the reason, and anything else still fails.
 */
final class MissingApi {

    private static final List<String> CODES = List.of("notimplemented", "unknownoperation", "invalidaction",
            "unsupportedoperation", "notsupported");
    /** Codes a real API answers 404 with when what it was asked about does not exist. */
    private static final List<String> NOT_FOUND_CODES = List.of("notfound", "nosuch");
    /** LocalStack's words for a service it has no provider for; looser text would turn failures into skips. */
    private static final String LOCALSTACK_MISSING = "not included in your current license plan or has not yet been emulated";

    private MissingApi() {
    }

    /** Why {@code e} means the API is missing, or {@code null} when it is a failure like any other. */
    static String reason(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        String lowerCode = code == null ? "" : code.toLowerCase(Locale.ROOT);
        String lowerMessage = message == null ? "" : message.toLowerCase(Locale.ROOT);
        boolean unknownRoute = e.statusCode() == 404 && NOT_FOUND_CODES.stream().noneMatch(lowerCode::contains);
        boolean missing = e.statusCode() == 501 || unknownRoute
                || CODES.stream().anyMatch(lowerCode::startsWith)
                || lowerMessage.contains(LOCALSTACK_MISSING);
        return missing ? e.statusCode() + " " + (code == null ? "" : code + ": ") + message : null;
    }

    /**
     * Runs a setup call. Returns {@link Part.Available} with its result, or {@link Part.Missing}
     * naming {@code api} and the emulator's answer when the emulator lacks it.
     */
    static <T> Part<T> probe(String api, String emulator, Supplier<T> call) {
        try {
            return new Part.Available<>(call.get());
        } catch (AwsServiceException e) {
            String reason = reason(e);
            if (reason == null) {
                throw e;
            }
            return new Part.Missing<>(api + " is not available on " + emulator + " (" + reason + ")");
        }
    }

    /** A piece of the test stack: there, or missing from this emulator with the reason. */
    sealed interface Part<T> {
        record Available<T>(T value) implements Part<T> {
        }

        record Missing<T>(String why) implements Part<T> {
        }

        /** The value, or the test is skipped (not passed) saying what the emulator lacks. */
        default T require() {
            return switch (this) {
                case Available<T> available -> available.value();
                case Missing<T> missing -> Assumptions.abort(missing.why() + ", so this test cannot run there.");
            };
        }
    }
}
