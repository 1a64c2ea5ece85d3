package dev.aftercart.aws.scheduler;

/**
 * EventBridge Scheduler refused a call after the SDK's retries. Unchecked so it reaches Lambda,
 * which retries the event and finally sends it to the function's failure destination. The message
 * names the error code and the schedule only.
 */
public final class SchedulingException extends RuntimeException {

    private final String code;
    private final String scheduleName;

    public SchedulingException(String code, String scheduleName, Throwable cause) {
        super(code + " for schedule " + scheduleName, cause);
        this.code = code;
        this.scheduleName = scheduleName;
    }

    public String code() {
        return code;
    }

    public String scheduleName() {
        return scheduleName;
    }
}
