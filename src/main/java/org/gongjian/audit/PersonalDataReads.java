package org.gongjian.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gongjian.shared.PersonalDataRead;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Writes one {@code audit_read} line for every call of a {@link PersonalDataRead} mapping, after it completed:
 * who, what, the ids in the path, the method and path with its query, the answer's status (a 404 is an attempt worth
 * seeing too) and the client's address. Written outside any transaction, so a read that failed still leaves its line.
 */
@Component
class PersonalDataReads implements HandlerInterceptor, WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataReads.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    PersonalDataReads(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                @Nullable Exception ex) {
        if (!(handler instanceof HandlerMethod method)) {
            return;
        }
        PersonalDataRead read = method.getMethodAnnotation(PersonalDataRead.class);
        if (read == null) {
            return;
        }
        int status = ex == null ? response.getStatus() : ex instanceof AccessDeniedException ? 403 : 500;
        String query = request.getQueryString();
        String path = request.getRequestURI() + (query == null ? "" : "?" + query);
        try {
            jdbc.sql("""
                    INSERT INTO audit_read (occurred_at, actor, what, ids, http_method, path, status, client_address)
                    VALUES (:at, :actor, :what, :ids, :method, :path, :status, :address)""")
                    .param("at", Timestamp.from(clock.instant()))
                    .param("actor", cut(actor(), 100))
                    .param("what", cut(read.value(), 40))
                    .param("ids", ids(request), java.sql.Types.VARCHAR)
                    .param("method", request.getMethod())
                    .param("path", cut(path, 1000))
                    .param("status", status)
                    .param("address", cut(request.getRemoteAddr(), 64), java.sql.Types.VARCHAR)
                    .update();
        } catch (DataAccessException e) {
            log.error("personal-data read of {} by {} not recorded", path, actor(), e);
        }
    }

    private static @Nullable String ids(HttpServletRequest request) {
        if (!(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables)
                || variables.isEmpty()) {
            return null;
        }
        return cut(variables.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",")), 500);
    }

    private static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? "anonymous" : auth.getName();
    }

    private static @Nullable String cut(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
