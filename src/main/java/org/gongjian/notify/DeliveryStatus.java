package org.gongjian.notify;

/** PENDING until sent; FAILED after the last attempt (an administrator may retry it). */
enum DeliveryStatus {
    PENDING, SENT, FAILED
}
