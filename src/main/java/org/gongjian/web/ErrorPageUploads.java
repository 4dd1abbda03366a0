package org.gongjian.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;

/**
 * Boot's multipart resolver, except that the error page never parses the upload again: a refused upload (no
 * boundary, a NUL in a file name) would otherwise fail a second time while its 400 page is rendered, and the
 * client would get a 500 instead.
 */
@Configuration(proxyBeanMethods = false)
class ErrorPageUploads {

    @Bean
    MultipartResolver multipartResolver() {
        return new StandardServletMultipartResolver() {
            @Override
            public boolean isMultipart(HttpServletRequest request) {
                return request.getDispatcherType() != DispatcherType.ERROR && super.isMultipart(request);
            }
        };
    }
}
