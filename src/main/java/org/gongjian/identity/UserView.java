package org.gongjian.identity;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/** A user as the API shows it; never carries the password or its hash. */
public record UserView(long id, String username, @Nullable Long personId, Set<Role> roles, @Nullable Long scopeUnitId,
                       boolean enabled, boolean locked, @Nullable String email) {

    public UserView(long id, String username, @Nullable Long personId, Set<Role> roles, @Nullable Long scopeUnitId,
                    boolean enabled, boolean locked) {
        this(id, username, personId, roles, scopeUnitId, enabled, locked, null);
    }
}
