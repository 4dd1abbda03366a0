package org.gongjian.notify;

import java.io.Serial;

/** A send that did not go through; the message lands in {@code last_error} (never a webhook key or a password). */
class DeliveryFailure extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    DeliveryFailure(String message) {
        super(message);
    }
}
