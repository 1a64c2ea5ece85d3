package dev.aftercart.aws.wiring;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** What the adapters need to know of a service error, without its message (which may echo input). */
public final class AwsErrors {

    private AwsErrors() {
    }

    /** The service's error code, or the HTTP status when a response carried none (a proxy's 503). */
    public static String code(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return code == null || code.isBlank() ? "http_" + e.statusCode() : code;
    }
}
