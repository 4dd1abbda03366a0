package org.gongjian.identity;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.gongjian.org.OrgService;
import org.gongjian.shared.DataScope;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/auth/tokens} and {@code GET /api/v1/me}. */
@RestController
class AuthApiController {

    private final LockingAuthenticationProvider authentication;
    private final TokenService tokens;
    private final OrgService org;

    AuthApiController(LockingAuthenticationProvider authentication, TokenService tokens, OrgService org) {
        this.authentication = authentication;
        this.tokens = tokens;
        this.org = org;
    }

    record TokenRequest(@NotBlank(message = "{validation.m40}") @Size(max = 100) String username,
                        @NotBlank(message = "{validation.m36}") @Size(max = 200) String password) {}

    record TokenResponse(String token, Instant expiresAt) {}

    record Me(long id, String username, @Nullable Long personId, @Nullable String personName,
              java.util.Set<Role> roles, @Nullable Long scopeUnitId, @Nullable String scopeUnitName) {}

    @PostMapping("/api/v1/auth/tokens")
    ResponseEntity<TokenResponse> token(@Valid @RequestBody TokenRequest request) {
        var result = authentication.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password()));
        TokenService.IssuedToken issued = tokens.issue((CurrentUser) result.getPrincipal());
        return ResponseEntity.created(URI.create("/api/v1/me")).body(new TokenResponse(issued.token(), issued.expiresAt()));
    }

    @GetMapping("/api/v1/me")
    Me me(@AuthenticationPrincipal CurrentUser user, DataScope scope) {
        String personName = user.personId() == null ? null
                : org.personUnscoped(user.personId()).map(p -> p.name()).orElse(null);
        String scopeName = scope.unitId() == null ? null : org.unitName(scope.unitId()).orElse(null);
        return new Me(user.id(), user.getUsername(), user.personId(), personName, user.roles(), scope.unitId(), scopeName);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> refused(AuthenticationException e) {
        HttpStatus status = e instanceof LockedException ? HttpStatus.LOCKED : HttpStatus.UNAUTHORIZED;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(status == HttpStatus.LOCKED ? "账户已锁定" : "登录失败");
        problem.setProperties(Map.of());
        return ResponseEntity.status(status).body(problem);
    }
}
