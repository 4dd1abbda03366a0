package org.gongjian.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} on the REST API; a bad token answers 401 at once, a token whose
 * user must first change their password 403 (type {@code password-change-required}).
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final TokenService tokens;
    private final AuthenticationEntryPoint entryPoint;
    private final AccessDeniedHandler passwordChangeRequired;

    BearerTokenFilter(TokenService tokens, AuthenticationEntryPoint entryPoint, AccessDeniedHandler passwordChangeRequired) {
        this.tokens = tokens;
        this.entryPoint = entryPoint;
        this.passwordChangeRequired = passwordChangeRequired;
    }

    /** With an initial, reset or expired password a token may only change it, read who it is, or end itself. */
    private static boolean mayCallBeforeChange(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String method = request.getMethod();
        return ("POST".equals(method) && "/api/v1/me/password".equals(path))
                || ("GET".equals(method) && "/api/v1/me".equals(path))
                || ("DELETE".equals(method) && "/api/v1/auth/tokens/current".equals(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        var user = tokens.resolve(header.substring(7).trim());
        if (user.isEmpty()) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("令牌无效或已过期"));
            return;
        }
        if (user.get().passwordChangeDue() && !mayCallBeforeChange(request)) {
            passwordChangeRequired.handle(request, response, null);
            return;
        }
        CurrentUser current = user.get().user();
        if (user.get().unitScope() != null) {
            request.setAttribute(DataScopeResolver.UNIT_SCOPE, user.get().unitScope());
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(current, null,
                current.getAuthorities()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
