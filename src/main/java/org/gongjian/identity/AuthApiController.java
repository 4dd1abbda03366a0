package org.gongjian.identity;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.gongjian.org.OrgService;
import org.gongjian.shared.DataScope;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/auth/tokens}, {@code DELETE /api/v1/auth/tokens/current} and {@code GET /api/v1/me}. */
@RestController
class AuthApiController {

    private final LoginAuthenticationProvider authentication;
    private final TokenService tokens;
    private final OrgService org;
    private final Clock clock;

    AuthApiController(LoginAuthenticationProvider authentication, TokenService tokens, OrgService org, Clock clock) {
        this.authentication = authentication;
        this.tokens = tokens;
        this.org = org;
        this.clock = clock;
    }

    /** {@code code}: the authenticator app's current code (or a recovery code), required of administrators. */
    record TokenRequest(@NotBlank(message = "{validation.m40}") @Size(max = 100) String username,
                        @NotBlank(message = "{validation.m36}") @Size(max = 200) String password,
                        @Nullable @Size(max = 40) String code) {}

    /** With the previous login (上次登录) and whether the password must be changed before anything else. */
    record TokenResponse(String token, Instant expiresAt, @Nullable Instant lastLoginAt,
                         @Nullable String lastLoginAddress, boolean passwordChangeRequired) {}

    record Me(long id, String username, @Nullable Long personId, @Nullable String personName,
              java.util.Set<Role> roles, @Nullable Long scopeUnitId, @Nullable String scopeUnitName) {}

    @PostMapping("/api/v1/auth/tokens")
    ResponseEntity<?> token(@Valid @RequestBody TokenRequest request) {
        Authentication result = authentication.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password()));
        if (result instanceof PendingSecondFactor pending) {
            if (!pending.enrolled()) {
                return problem(HttpStatus.FORBIDDEN, "second-factor-enrolment-required", "须先绑定动态口令",
                        "管理员账号须先在网页端登录并绑定动态口令（身份验证器应用），然后才能获取接口令牌");
            }
            if (request.code() == null || request.code().isBlank()) {
                return problem(HttpStatus.UNAUTHORIZED, "second-factor-required", "需要动态口令",
                        "请在 code 字段提供身份验证器应用中当前显示的 6 位动态口令（或一个恢复码）");
            }
            result = authentication.completeSecondFactor(pending, request.code());
        }
        CurrentUser user = (CurrentUser) result.getPrincipal();
        var previous = authentication.recordLogin(user, clock.instant());
        TokenService.IssuedToken issued = tokens.issue(user);
        boolean changeDue = tokens.resolve(issued.token()).map(TokenService.Resolved::passwordChangeDue).orElse(false);
        return ResponseEntity.created(URI.create("/api/v1/me")).body(new TokenResponse(issued.token(), issued.expiresAt(),
                previous.map(UserStore.LastLogin::at).orElse(null), previous.map(UserStore.LastLogin::address).orElse(null),
                changeDue));
    }

    /** Ends the token this request carries (logging out of the API); other tokens of the user stay valid. */
    @DeleteMapping("/api/v1/auth/tokens/current")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal CurrentUser user,
                                @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        tokens.revoke(authorization.substring(7).trim(), user);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/me")
    Me me(@AuthenticationPrincipal CurrentUser user, DataScope scope) {
        String personName = user.personId() == null ? null
                : org.personUnscoped(user.personId()).map(p -> p.name()).orElse(null);
        String scopeName = scope.unitId() == null ? null : org.unitName(scope.unitId()).orElse(null);
        return new Me(user.id(), user.getUsername(), user.personId(), personName, user.roles(), scope.unitId(), scopeName);
    }

    /** 401 for any wrong name, password or code (the same for unknown names); 429 with Retry-After when throttled. */
    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> refused(AuthenticationException e) {
        if (e instanceof LoginThrottledException throttled) {
            ResponseEntity<ProblemDetail> tooMany = problem(HttpStatus.TOO_MANY_REQUESTS, "login-throttled", "登录受限",
                    e.getMessage());
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds())).body(tooMany.getBody());
        }
        return problem(HttpStatus.UNAUTHORIZED, "login-failed", "登录失败", e.getMessage());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://gongjian.org/problems/" + type));
        problem.setTitle(title);
        problem.setProperties(Map.of());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
