package org.gongjian.shared;

/** The request clashes with the current state (duplicate code, stale version): answers 409. */
public class Conflict extends DomainException {

    public Conflict(String code, String message) {
        super(code, message);
    }
}
