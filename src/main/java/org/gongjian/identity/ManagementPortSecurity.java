package org.gongjian.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Operations endpoints without a login: the liveness and readiness probes ({@code /livez}, {@code /readyz} on the
 * application port, answering only UP/DOWN) and everything on the separate management port
 * ({@code management.server.port}, default 8081: Prometheus scrapes it there; the port is kept off the public network,
 * see docs/operations.md). On the application port the actuator stays administrators-only (SecurityConfig).
 */
@Configuration(proxyBeanMethods = false)
class ManagementPortSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain operations(HttpSecurity http, Environment environment) throws Exception {
        RequestMatcher managementPort = request -> onManagementPort(request, environment);
        RequestMatcher probes = request -> "GET".equals(request.getMethod())
                && ("/livez".equals(request.getRequestURI()) || "/readyz".equals(request.getRequestURI()));
        http.securityMatcher(request -> managementPort.matches(request) || probes.matches(request))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .securityContext(c -> c.disable())
                .anonymous(a -> a.disable());
        return http.build();
    }

    /** {@code local.management.port} is set by Boot once a separate management server listens (also for port 0). */
    static boolean onManagementPort(HttpServletRequest request, Environment environment) {
        String port = environment.getProperty("local.management.port");
        String serverPort = environment.getProperty("local.server.port");
        return port != null && !port.equals(serverPort) && port.equals(String.valueOf(request.getLocalPort()));
    }
}
