package org.gongjian.identity;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as the security context holds it. The data scope itself is resolved per request from
 * {@link #scopeUnitId()}, so a unit moved in the tree takes effect without a new login.
 */
public final class CurrentUser implements UserDetails {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private final @Nullable Long personId;
    private final @Nullable Long scopeUnitId;
    private final Set<Role> roles;

    public CurrentUser(long id, String username, @Nullable Long personId, @Nullable Long scopeUnitId, Set<Role> roles) {
        this.id = id;
        this.username = username;
        this.personId = personId;
        this.scopeUnitId = scopeUnitId;
        this.roles = Set.copyOf(roles);
    }

    public long id() {
        return id;
    }

    public @Nullable Long personId() {
        return personId;
    }

    /** Null only for a system administrator whose scope is the whole system. */
    public @Nullable Long scopeUnitId() {
        return scopeUnitId;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> list = roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
        return list;
    }

    @Override
    public String getPassword() {
        return "";
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String toString() {
        return "CurrentUser[" + username + "]";
    }
}
