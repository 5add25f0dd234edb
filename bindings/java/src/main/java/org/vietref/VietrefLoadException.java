package org.vietref;

/** libvietref could not be loaded; the message lists every place that was tried. */
public class VietrefLoadException extends UnsatisfiedLinkError {
    private static final long serialVersionUID = 1L;

    VietrefLoadException(String message) {
        super(message);
    }
}
