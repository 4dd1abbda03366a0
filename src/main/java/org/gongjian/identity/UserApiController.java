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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/users}: administrators manage logins within their own scope. */
@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasRole('ADMIN')")
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

    @PostMapping("/{id}/disable")
    UserView disable(@PathVariable long id, @AuthenticationPrincipal CurrentUser admin, DataScope scope) {
        return users.setEnabled(id, false, admin, scope);
    }

    @PostMapping("/{id}/enable")
    UserView enable(@PathVariable long id, @AuthenticationPrincipal CurrentUser admin, DataScope scope) {
        return users.setEnabled(id, true, admin, scope);
    }

    @PostMapping("/{id}/unlock")
    UserView unlock(@PathVariable long id, DataScope scope) {
        return users.unlock(id, scope);
    }

    @PostMapping("/{id}/password")
    UserView password(@PathVariable long id, @RequestBody PasswordBody body, DataScope scope) {
        return users.resetPassword(id, body.password() == null ? "" : body.password(), scope);
    }

    @PostMapping
    ResponseEntity<UserView> create(@Valid @RequestBody UserCommand command, DataScope scope) {
        UserView user = users.create(command, scope);
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(user);
    }
}
