package org.vietref;

/**
 * A vietref call returned a status other than VIETREF_OK. {@link #getMessage()} is the
 * library's English description of the status, {@link #messageVi()} the Vietnamese one.
 */
public class VietrefException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String statusName;
    private final String messageVi;
    private final String context;

    VietrefException(int status, String statusName, String message, String messageVi, String context) {
        super(message);
        this.status = status;
        this.statusName = statusName;
        this.messageVi = messageVi;
        this.context = context;
    }

    /** The stable status number, like 100. */
    public int status() {
        return status;
    }

    /** The status as an enum constant; {@code null} for a number of a newer library. */
    public Status statusConstant() {
        return Status.of(status);
    }

    /** The constant's name, like {@code VIETREF_TEXT_NAME_INVALID}. */
    public String statusName() {
        return statusName;
    }

    /** The library's Vietnamese description of the status. */
    public String messageVi() {
        return messageVi;
    }

    /** The C function that returned the status. */
    public String context() {
        return context;
    }

    @Override
    public String toString() {
        return getClass().getName() + ": " + context + ": " + getMessage() + " (" + statusName + " " + status + "; "
                + messageVi + ")";
    }
}
