package org.gongjian.shared;

/** The caller may see the thing but is not the one who may do this to it (e.g. signing someone else's pledge): 403. */
public class Forbidden extends DomainException {

    public Forbidden(String message) {
        super("forbidden", message);
    }
}
