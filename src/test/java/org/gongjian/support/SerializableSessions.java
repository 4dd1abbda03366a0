package org.gongjian.support;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.Collections;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Shipped UI sessions live in the database (Spring Session JDBC), which serialises every session attribute — flash
 * attributes included — when the request ends; a value that is not {@link java.io.Serializable} is a 500 there.
 * The test profile keeps sessions in memory (MockMvc hands them on), where nothing would notice. So every request of
 * every integration test ends by serialising its session's attributes the way the database store would, and fails
 * naming the attribute that cannot be stored.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SerializableSessions {

    @Bean
    FilterRegistrationBean<Check> serializableSessionCheck() {
        FilterRegistrationBean<Check> registration = new FilterRegistrationBean<>(new Check());
        registration.setOrder(Integer.MIN_VALUE + 100); // outside security: its session attributes are set by then
        return registration;
    }

    /** After the request: every attribute of its session must serialise. */
    public static final class Check extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(request, response);
            HttpSession session = request.getSession(false);
            if (session == null) {
                return;
            }
            for (String name : Collections.list(session.getAttributeNames())) {
                Object value = session.getAttribute(name);
                try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
                    out.writeObject(value);
                } catch (IOException e) {
                    throw new IllegalStateException("Session attribute " + name + " (" + value.getClass().getName()
                            + ") cannot be stored in a database session: " + e, e);
                }
            }
        }
    }
}
