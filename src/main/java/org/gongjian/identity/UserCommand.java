package org.gongjian.identity;

import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Create a login for a cadre. The password is write-only: it is hashed and never shown again. */
public record UserCommand(
        @NotBlank(message = "{validation.m40}")
        @Pattern(regexp = "[A-Za-z0-9_.-]{3,40}", message = "{validation.m18}") String username,
        @NotBlank(message = "{validation.m50}") @Size(max = 128, message = "{validation.m09}") String password,
        @Nullable Long personId,
        @NotEmpty(message = "{validation.m49}") Set<Role> roles,
        @NotNull(message = "{validation.m56}") Long scopeUnitId,
        @Nullable @Email(message = "{validation.email}") @Size(max = 200, message = "{validation.email}") String email) {

    /** Without an email address. */
    public UserCommand(String username, String password, @Nullable Long personId, Set<Role> roles, Long scopeUnitId) {
        this(username, password, personId, roles, scopeUnitId, null);
    }
}
