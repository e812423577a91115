package com.acme.intake.workflow.entity;

/**
 * A {@link ProcessStep} failed, with a message for the platform team that never contains data values
 * (it is shown in the inbox). A retried failure is rethrown as its cause while the engine has retries
 * left and becomes the BPMN error {@value ProcessIds#ERROR_PROVISIONING_FAILED} on the last attempt;
 * a failure no retry can heal becomes that error at once.
 */
public final class StepFailure extends RuntimeException {

    private final boolean retried;

    private StepFailure(String safeMessage, RuntimeException cause, boolean retried) {
        super(safeMessage, cause, false, false);
        this.retried = retried;
    }

    /** Retry {@code cause}; tell the platform team {@code safeMessage} when the retries are used up. */
    public static StepFailure retried(RuntimeException cause, String safeMessage) {
        return new StepFailure(safeMessage, cause, true);
    }

    /** Tell the platform team {@code safeMessage} now: retrying cannot help. */
    public static StepFailure withoutRetry(String safeMessage) {
        return new StepFailure(safeMessage, null, false);
    }

    public boolean retried() {
        return retried;
    }

    /** What is retried; null for a failure without retry. */
    @Override
    public synchronized RuntimeException getCause() {
        return (RuntimeException) super.getCause();
    }
}
