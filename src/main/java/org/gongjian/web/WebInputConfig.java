package org.gongjian.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;

/**
 * How input reaches the pages: {@link InputHygieneFilter} for everything outside {@code /api/} (before Spring
 * Security, after {@link UploadLimitFilter}; the API chain runs its own instance after authentication), and Boot's
 * multipart resolver, except that an error page never parses the upload again — a refused upload (no boundary, a
 * NUL in a file name) would otherwise fail a second time while its 400 page renders, and the client get a 500.
 */
@Configuration(proxyBeanMethods = false)
class WebInputConfig {

    @Bean
    FilterRegistrationBean<InputHygieneFilter> pageInputHygiene() {
        FilterRegistrationBean<InputHygieneFilter> registration = new FilterRegistrationBean<>(new InputHygieneFilter(false));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 110);
        return registration;
    }

    @Bean
    MultipartResolver multipartResolver(@Value("${spring.servlet.multipart.resolve-lazily:false}") boolean lazily,
                                        @Value("${spring.servlet.multipart.strict-servlet-compliance:false}") boolean strict) {
        StandardServletMultipartResolver resolver = new StandardServletMultipartResolver() {
            @Override
            public boolean isMultipart(HttpServletRequest request) {
                return request.getDispatcherType() != DispatcherType.ERROR && super.isMultipart(request);
            }
        };
        resolver.setResolveLazily(lazily);
        resolver.setStrictServletCompliance(strict);
        return resolver;
    }
}
