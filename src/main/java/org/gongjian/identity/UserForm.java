package org.gongjian.identity;

import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** The account form as the page binds it. */
public class UserForm {

    private String username = "";
    private String password = "";
    private @Nullable Long personId;
    private @Nullable Long scopeUnitId;
    private Set<Role> roles = EnumSet.noneOf(Role.class);
    private String email = "";

    @SuppressWarnings("NullAway")
    UserCommand toCommand() {
        return new UserCommand(username, password, personId, roles, scopeUnitId, email.isEmpty() ? null : email);
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(@Nullable String username) {
        this.username = username == null ? "" : username.trim();
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(@Nullable String password) {
        this.password = password == null ? "" : password;
    }

    public @Nullable Long getPersonId() {
        return personId;
    }

    public void setPersonId(@Nullable Long personId) {
        this.personId = personId;
    }

    public @Nullable Long getScopeUnitId() {
        return scopeUnitId;
    }

    public void setScopeUnitId(@Nullable Long scopeUnitId) {
        this.scopeUnitId = scopeUnitId;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    public void setRoles(@Nullable Set<Role> roles) {
        this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(@Nullable String email) {
        this.email = email == null ? "" : email.trim();
    }
}
