package org.gongjian.identity;

import java.net.URI;

import jakarta.validation.Valid;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/users}: administrators manage logins within their own scope — the system administrator accounts,
 * the security administrator roles and unlocks (三员分立, the request rules in {@link AdminSeparation}).
 */
@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasAnyRole('ADMIN', 'SYS_ADMIN', 'SEC_ADMIN')")
class UserApiController {

    private final UserService users;

    UserApiController(UserService users) {
        this.users = users;
    }

    @GetMapping
    PageResult<UserView> list(@RequestParam(required = false) @Nullable String q,
                              @RequestParam(required = false) @Nullable Integer page,
                              @RequestParam(required = false) @Nullable Integer size, DataScope scope) {
        return users.users(q, scope, PageQuery.of(page, size));
    }

    @GetMapping("/{id}")
    UserView get(@PathVariable long id, DataScope scope) {
        return users.user(id, scope);
    }

    record PasswordBody(@Nullable String password) {}

    record RolesBody(java.util.@Nullable Set<Role> roles) {}

    @PutMapping("/{id}/roles")
    @PreAuthorize("hasAnyRole('ADMIN', 'SEC_ADMIN')")
    UserView roles(@PathVariable long id, @RequestBody RolesBody body, @AuthenticationPrincipal CurrentUser by,
                   DataScope scope) {
        return users.setRoles(id, body.roles() == null ? java.util.Set.of() : body.roles(), by, scope);
    }

    @PostMapping("/{id}/disable")
    @PreAuthorize("hasAnyRole('ADMIN', 'SYS_ADMIN')")
    UserView disable(@PathVariable long id, @AuthenticationPrincipal CurrentUser admin, DataScope scope) {
        return users.setEnabled(id, false, admin, scope);
    }

    @PostMapping("/{id}/enable")
    @PreAuthorize("hasAnyRole('ADMIN', 'SYS_ADMIN')")
    UserView enable(@PathVariable long id, @AuthenticationPrincipal CurrentUser admin, DataScope scope) {
        return users.setEnabled(id, true, admin, scope);
    }

    @PostMapping("/{id}/unlock")
    @PreAuthorize("hasAnyRole('ADMIN', 'SEC_ADMIN')")
    UserView unlock(@PathVariable long id, DataScope scope) {
        return users.unlock(id, scope);
    }

    @PostMapping("/{id}/password")
    @PreAuthorize("hasAnyRole('ADMIN', 'SYS_ADMIN')")
    UserView password(@PathVariable long id, @RequestBody PasswordBody body, @AuthenticationPrincipal CurrentUser by,
                      DataScope scope) {
        return users.resetPassword(id, body.password() == null ? "" : body.password(), by, scope);
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'SYS_ADMIN')")
    ResponseEntity<UserView> create(@Valid @RequestBody UserCommand command, @AuthenticationPrincipal CurrentUser by,
                                    DataScope scope) {
        UserView user = users.create(command, by, scope);
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(user);
    }
}
