package org.gongjian.shared;

/**
 * An entity that does not exist <em>or</em> lies outside the caller's data scope. Both answer 404 on purpose:
 * a township user must not learn that another township's id exists.
 */
public class NotFound extends RuntimeException {

    private final String entity;

    public NotFound(String entity, Object id) {
        super(entity + " " + id + " not found");
        this.entity = entity;
    }

    public String entity() {
        return entity;
    }
}
