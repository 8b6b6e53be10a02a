package org.gvsl.eval.report;

import java.io.IOException;

/**
 * Input that cannot be evaluated: a missing partner, a shape or geometry mismatch, a map that is not a label map, an
 * unreadable file or an empty folder. The message is one line and starts with the file or folder it is about.
 */
public final class EvaluationInputException extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param message one line, starting with the file or folder */
    public EvaluationInputException(String message) {
        super(message);
    }

    /** @param cause the reader's error behind the problem */
    public EvaluationInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
