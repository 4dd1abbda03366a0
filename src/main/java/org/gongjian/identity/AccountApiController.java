package org.gongjian.identity;

import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Self-service for the signed-in user: {@code POST /api/v1/me/password}. */
@RestController
@Validated
class AccountApiController {

    /** Both passwords are required; the lengths only keep absurd bodies out (the policy says what is strong enough). */
    record PasswordChange(@Nullable @Size(max = 200) String oldPassword, @Nullable @Size(max = 200) String newPassword) {}

    private final UserService users;

    AccountApiController(UserService users) {
        this.users = users;
    }

    /** 204 when changed; 422 with the field at fault (wrong old password, weak new one); 422 (code "locked") once locked out, as for signing. */
    @PostMapping("/api/v1/me/password")
    ResponseEntity<Void> changePassword(@AuthenticationPrincipal CurrentUser user,
                                        @jakarta.validation.Valid @RequestBody PasswordChange body) {
        users.changeOwnPassword(user, body.oldPassword(), body.newPassword());
        return ResponseEntity.noContent().build();
    }
}
