package org.gvsl.reference;

/**
 * Thrown by a {@link CaseCheck} when a case asks for something this build does not implement, such as another
 * GroupNorm ε than the method's. {@link SelfCheck} reports the case as {@code SKIP} with this message: the case
 * says nothing about the numbers this build computes, so it neither passes nor fails.
 */
public final class UnsupportedCaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what the case asks for and what this build implements instead */
    public UnsupportedCaseException(String message) {
        super(message);
    }
}
