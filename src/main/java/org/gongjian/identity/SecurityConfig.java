package org.gongjian.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two filter chains: the stateless REST API with bearer tokens and problem+json errors, and the UI with form
 * login, CSRF, a strict CSP (no inline script anywhere) and session-fixation protection.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private static final String[] ORG_WRITERS = {"ADMIN", "ORG_DEPT", "SYS_ADMIN"};
    private static final String[] EVIDENCE_UPLOADERS = {"LIAISON", "UNIT_HEAD", "SUPERVISOR", "ADMIN"};

    /**
     * No Micrometer observations of Spring Security's own steps (each filter of the chain, authentication,
     * authorisation): they timed every one of a request's ~15 security filters and were 5 % of an API request's CPU
     * (issue #18, JFR). Requests are still observed as a whole ({@code http.server.requests}); the filters and their
     * decisions are unchanged.
     */
    @Bean
    static org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, TokenService tokens, LoginAuthenticationProvider provider,
                            org.gongjian.web.ApiWriteGuards guards) throws Exception {
        AuthenticationEntryPoint entryPoint = (request, response, e) -> problem(response, 401, "未认证",
                e instanceof LockedException ? e.getMessage() : "请先获取令牌并以 Authorization: Bearer 发送");
        AccessDeniedHandler denied = (request, response, e) -> problem(response, 403, "无权操作", "您的角色无权执行此操作");
        http.securityMatcher("/api/**")
                .authenticationManager(new ProviderManager(provider))
                .authorizeHttpRequests(a -> AdminSeparation.api(a)
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/tokens").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/integrity/public-key").permitAll()
                        // Role checks before the body is read, so a wrong role gets 403 whatever it sends.
                        .requestMatchers(HttpMethod.POST, "/api/v1/units/*/evidence").hasAnyRole(EVIDENCE_UPLOADERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/units/**", "/api/v1/people/**").hasAnyRole(ORG_WRITERS)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/units/**", "/api/v1/people/**").hasAnyRole(ORG_WRITERS)
                        .requestMatchers("/api/v1/units/import/**").hasAnyRole(ORG_WRITERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/campaigns", "/api/v1/campaigns/*/tasks", "/api/v1/campaigns/*/inherit",
                                "/api/v1/campaigns/*/tasks/import").hasAnyRole("ADMIN", "SUPERVISOR")
                        .requestMatchers("/api/v1/campaigns/*/tasks/template").hasAnyRole("ADMIN", "SUPERVISOR")
                        // 交付信心: a supervisor or the task's lead leader (checked against the task in the service).
                        .requestMatchers(HttpMethod.PUT, "/api/v1/tasks/*/confidence").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/v1/supervision/evaluate").hasAnyRole("ADMIN", "SUPERVISOR")
                        .requestMatchers(HttpMethod.POST, "/api/v1/supervision/notices/*/responses").hasAnyRole("UNIT_HEAD", "LIAISON", "LEADER")
                        .requestMatchers(HttpMethod.POST, "/api/v1/supervision/notices", "/api/v1/supervision/notices/**").hasAnyRole("ADMIN", "SUPERVISOR")
                        .requestMatchers(HttpMethod.PUT, "/api/v1/tasks/**").hasAnyRole("ADMIN", "SUPERVISOR")
                        .requestMatchers(HttpMethod.POST, "/api/v1/tasks/*/subtasks").hasAnyRole("ADMIN", "SUPERVISOR", "UNIT_HEAD")
                        .requestMatchers(HttpMethod.POST, "/api/v1/tasks/*/instructions").hasAnyRole("ADMIN", "LEADER")
                        .requestMatchers(HttpMethod.POST, "/api/v1/instructions/**").hasAnyRole("UNIT_HEAD", "LIAISON")
                        .requestMatchers(HttpMethod.POST, "/api/v1/campaigns/*/pledges", "/api/v1/pledges/*/amendments")
                                .hasAnyRole("ADMIN", "SUPERVISOR")
                        .requestMatchers(HttpMethod.PUT, "/api/v1/pledges/**", "/api/v1/campaigns/*/pledge-template")
                                .hasAnyRole("ADMIN", "SUPERVISOR")
                        .requestMatchers(HttpMethod.POST, "/api/v1/pledges/*/sign").hasAnyRole("UNIT_HEAD", "LEADER")
                        .requestMatchers(HttpMethod.POST, "/api/v1/tasks/*/reports", "/api/v1/reports/*/submit",
                                "/api/v1/reports/*/corrections", "/api/v1/reports/*/evidence").hasAnyRole("ADMIN", "UNIT_HEAD", "LIAISON")
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/reports/*/evidence/*").hasAnyRole("ADMIN", "UNIT_HEAD", "LIAISON")
                        .requestMatchers(HttpMethod.PUT, "/api/v1/reports/**").hasAnyRole("ADMIN", "UNIT_HEAD", "LIAISON")
                        .requestMatchers("/api/v1/campaigns/*/reports/template", "/api/v1/campaigns/*/reports/import")
                                .hasAnyRole("ADMIN", "UNIT_HEAD", "LIAISON")
                        .requestMatchers(HttpMethod.POST, "/api/v1/reports/*/approve", "/api/v1/reports/*/return")
                                .hasAnyRole("ADMIN", "UNIT_HEAD", "SUPERVISOR")
                        .anyRequest().authenticated())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .addFilterBefore(new BearerTokenFilter(tokens, entryPoint, (request, response, e) -> problem(response, 403,
                        "password-change-required", "须先修改密码", "初始密码、重置后的密码或已过期的密码须先修改：POST /api/v1/me/password")),
                        UsernamePasswordAuthenticationFilter.class)
                // After authorisation: bodies are capped/parsed only for callers allowed to send them, and a
                // retried write is only replayed to the caller who made it.
                .addFilterAfter(guards.bodyLimit(), org.springframework.security.web.access.intercept.AuthorizationFilter.class)
                // NUL characters, over-long file names, unparseable multipart: 400/422 before anything stores them.
                .addFilterAfter(new org.gongjian.web.InputHygieneFilter(true), org.gongjian.web.RequestBodyLimitFilter.class)
                .addFilterAfter(guards.idempotency(), org.gongjian.web.RequestBodyLimitFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain ui(HttpSecurity http, LoginAuthenticationProvider provider, UserStore users,
                           LoginSuccessHandler loginSuccess, LoginSettings loginSettings, java.time.Clock clock,
                           org.springframework.core.env.Environment env,
                           org.springframework.security.core.session.SessionRegistry sessions,
                           @org.springframework.beans.factory.annotation.Value("${gongjian.session.max-per-user:3}") int maxSessions)
            throws Exception {
        // Our own manager without a parent: the global one holds the same provider, and a wrong password
        // tried by both would count twice towards the lockout.
        http.authenticationManager(new ProviderManager(provider))
                .authorizeHttpRequests(a -> AdminSeparation.ui(a)
                        .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/img/**",
                                "/favicon.ico", "/actuator/health/**").permitAll()
                        // API docs: open in the demo only; elsewhere behind login (issue #17, docs/security.md).
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").access(
                                org.gongjian.shared.DemoMode.isOn(env)
                                        ? (auth, context) -> new org.springframework.security.authorization.AuthorizationDecision(true)
                                        : org.springframework.security.authorization.AuthenticatedAuthorizationManager.authenticated())
                        // The unread badge polls; without a session it answers empty rather than a login redirect.
                        .requestMatchers(HttpMethod.GET, "/inbox/count").permitAll()
                        .requestMatchers("/admin/deliveries/**").hasRole("ADMIN")
                        .requestMatchers("/admin/events/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/evidence", "/evidence/**").hasAnyRole(EVIDENCE_UPLOADERS)
                        .requestMatchers("/units/new", "/units/*/edit", "/org/import/**").hasAnyRole(ORG_WRITERS)
                        .requestMatchers(HttpMethod.POST, "/units/**").hasAnyRole(ORG_WRITERS)
                        // Metrics name every URI and error: administrators only (or scrape on a private management port).
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/supervision/lights").hasAnyRole("ADMIN", "SUPERVISOR", "LEADER")
                        .requestMatchers(HttpMethod.POST, "/supervision/notices/*/responses").hasAnyRole("UNIT_HEAD", "LIAISON", "LEADER")
                        .requestMatchers(HttpMethod.POST, "/supervision/notices", "/supervision/notices/**").hasAnyRole("ADMIN", "SUPERVISOR")
                        .requestMatchers("/supervision/notices/new").hasAnyRole("ADMIN", "SUPERVISOR")
                        .requestMatchers("/campaigns/new", "/campaigns/*/tasks/new", "/campaigns/*/tasks/import",
                                "/campaigns/*/tasks/template.xlsx",
                                "/tasks/*/edit").hasAnyRole("ADMIN", "SUPERVISOR")
                        .requestMatchers(HttpMethod.POST, "/campaigns", "/campaigns/*/tasks", "/campaigns/*/inherit").hasAnyRole("ADMIN", "SUPERVISOR")
                        .requestMatchers("/tasks/*/decompose").hasAnyRole("ADMIN", "SUPERVISOR", "UNIT_HEAD")
                        .requestMatchers(HttpMethod.POST, "/campaigns/*/pledges", "/pledges/*/amendments", "/pledges/*/terms")
                                .hasAnyRole("ADMIN", "SUPERVISOR")
                        .requestMatchers(HttpMethod.POST, "/pledges/*/sign").hasAnyRole("UNIT_HEAD", "LEADER")
                        .requestMatchers(HttpMethod.POST, "/tasks/*/instructions").hasAnyRole("ADMIN", "LEADER")
                        .requestMatchers(HttpMethod.POST, "/tasks/*").hasAnyRole("ADMIN", "SUPERVISOR")
                        .requestMatchers(HttpMethod.POST, "/instructions/**").hasAnyRole("UNIT_HEAD", "LIAISON")
                        .requestMatchers("/campaigns/*/reports/template", "/campaigns/*/reports/import")
                                .hasAnyRole("ADMIN", "UNIT_HEAD", "LIAISON")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").successHandler(loginSuccess)
                        // the reason goes in the address, not a session: a failed login stores nothing either
                        .failureHandler((request, response, e) -> response.sendRedirect(
                                request.getContextPath() + "/login?" + LoginController.failure(e))).permitAll())
                // Nothing is stored for a visitor who has not logged in: the login form's CSRF token goes in a cookie
                // until there is a session (LoginCsrfTokens) and the page asked for before the login in another, so a
                // GET of /login or of any page while logged out — a crawler, a monitor, a phone's retry — writes no
                // session row. The session begins with the login.
                .csrf(c -> c.csrfTokenRepository(new LoginCsrfTokens()))
                .requestCache(r -> r.requestCache(loginSuccess.savedPages()))
                // The cookie goes too: a stale session id on the next request would read as an idle timeout.
                .logout(l -> l.logoutSuccessUrl("/login?logout").deleteCookies("SESSION", "JSESSIONID", "REDIRECT_URI"))
                // A new login beyond the limit ends the user's least recently used session (never refuses the
                // login: a phone left logged in somewhere must not lock its owner out); that session's next
                // request lands on the login page saying why.
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId())
                        .maximumSessions(maxSessions).maxSessionsPreventsLogin(false)
                        .sessionRegistry(sessions).expiredUrl("/login?expired"))
                .addFilterAfter(new IdleTimeoutRedirect(),
                        org.springframework.security.web.context.SecurityContextHolderFilter.class)
                .addFilterAfter(new LoginStepsFilter(users, loginSettings, clock), IdleTimeoutRedirect.class)
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.deny()));
        return http.build();
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        problem(response, status, null, title, detail);
    }

    private static void problem(HttpServletResponse response, int status, @org.jspecify.annotations.Nullable String type,
                                String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String uri = type == null ? "about:blank" : "https://gongjian.org/problems/" + type;
        response.getWriter().write("{\"type\":\"" + uri + "\",\"title\":\"" + json(title) + "\",\"status\":" + status
                + ",\"detail\":\"" + json(detail) + "\"}");
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
