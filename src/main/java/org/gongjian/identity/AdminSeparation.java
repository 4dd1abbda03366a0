package org.gongjian.identity;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * 三员分立 (等保2.0 三级, 访问控制): who of the administrators may open what, as request rules placed first in
 * both filter chains. The system administrator (SYS_ADMIN) keeps accounts and units, the security administrator
 * (SEC_ADMIN) roles, policies and unlocks, the audit administrator (AUDIT_ADMIN) reads the trail. ADMIN, the first
 * login and the demo's, may do all of it; outside the demo it no longer reads the trail ({@code AuditReaders}).
 */
final class AdminSeparation {

    static final String ADMIN = "ADMIN";
    static final String SYS = "SYS_ADMIN";
    static final String SEC = "SEC_ADMIN";
    static final String AUDIT = "AUDIT_ADMIN";

    private AdminSeparation() {
    }

    static AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry api(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        return rules
                .requestMatchers(HttpMethod.PUT, "/api/v1/users/*/roles").hasAnyRole(ADMIN, SEC)
                .requestMatchers(HttpMethod.POST, "/api/v1/users/*/unlock").hasAnyRole(ADMIN, SEC)
                .requestMatchers(HttpMethod.POST, "/api/v1/users", "/api/v1/users/*/enable", "/api/v1/users/*/disable",
                        "/api/v1/users/*/password").hasAnyRole(ADMIN, SYS)
                .requestMatchers(HttpMethod.GET, "/api/v1/users", "/api/v1/users/*").hasAnyRole(ADMIN, SYS, SEC)
                .requestMatchers("/api/v1/users/**").hasRole(ADMIN)
                .requestMatchers("/api/v1/security/**").hasAnyRole(ADMIN, SEC)
                .requestMatchers("/api/v1/audit/**").hasAnyRole(ADMIN, AUDIT);
    }

    static AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry ui(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        return rules
                .requestMatchers("/audit/**").hasAnyRole(ADMIN, AUDIT)
                .requestMatchers("/security/**").hasAnyRole(ADMIN, SEC)
                .requestMatchers("/users/*/unlock", "/users/*/roles").hasAnyRole(ADMIN, SEC)
                .requestMatchers(HttpMethod.POST, "/users", "/users/*/enable", "/users/*/disable", "/users/*/password")
                        .hasAnyRole(ADMIN, SYS)
                .requestMatchers("/users/new").hasAnyRole(ADMIN, SYS)
                // the accounts to disable (停用 is the system administrator's): linked from /users, refused to it before
                .requestMatchers(HttpMethod.GET, "/users/dormant").hasAnyRole(ADMIN, SYS)
                .requestMatchers(HttpMethod.GET, "/users").hasAnyRole(ADMIN, SYS, SEC)
                .requestMatchers("/users/**").hasRole(ADMIN);
    }
}
