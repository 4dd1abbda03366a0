package org.gongjian.shared;

/** A broken business rule. The message is already in Chinese, written for the user who caused it. */
public class DomainException extends RuntimeException {

    private final String code;

    public DomainException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
