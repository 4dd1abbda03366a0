package org.gongjian.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * Answers an upload over the multipart limits (spring.servlet.multipart.*) with a clear 413 before anything else
 * reads the request. Without this, the first filter to ask for a parameter (CSRF, request cache) makes Tomcat fail
 * the parse, and the user gets Tomcat's English error page or a misleading 403. Under {@code /api/}: problem+json;
 * elsewhere: the Chinese error page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100) // after character encoding, before Spring Security (-100)
class UploadLimitFilter extends OncePerRequestFilter {

    private final MessageSource messages;
    private final LocaleResolver locales;

    UploadLimitFilter(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        // The API parses its uploads only after authentication (RequestBodyLimitFilter in the API security chain).
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return true;
        }
        return !"POST".equals(request.getMethod()) && !"PUT".equals(request.getMethod())
                || type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParts(); // parsed once here; Spring and the filters below reuse the result
        } catch (IllegalStateException e) {
            tooLarge(request, response);
            return;
        } catch (ServletException | IOException e) {
            // Not a size problem (a malformed body): leave it to the usual handling further down.
        } catch (RuntimeException e) {
            // Tomcat's InvalidFileNameException (a NUL in a file name): InputHygieneFilter answers it with 400.
            request.setAttribute(InputHygieneFilter.UNREADABLE_PARTS, e);
        }
        chain.doFilter(request, response);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        String context = request.getContextPath();
        if (request.getRequestURI().startsWith(context + "/api/")) {
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"https://gongjian.org/problems/too-large\",\"title\":\"文件过大\","
                    + "\"status\":413,\"detail\":\"上传的文件超过了允许的大小，请压缩或拆分后再上传\"}");
            return;
        }
        Locale locale = locales.resolveLocale(request);
        String title = HtmlUtils.htmlEscape(messages.getMessage("error.title", null, "出错了", locale));
        String message = HtmlUtils.htmlEscape(messages.getMessage("error.413", null, "上传的文件太大", locale));
        String back = HtmlUtils.htmlEscape(messages.getMessage("error.back", null, "返回首页", locale));
        response.setContentType("text/html");
        response.setHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        response.getWriter().write("<!DOCTYPE html><html lang=\"" + ("en".equals(locale.getLanguage()) ? "en" : "zh-CN")
                + "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + title + "</title><link rel=\"stylesheet\" href=\"" + context + "/webjars/bootstrap/css/bootstrap.min.css\">"
                + "<link rel=\"stylesheet\" href=\"" + context + "/css/app.css\"></head><body><main class=\"container-xl py-3\">"
                + "<section class=\"gj-error\" data-test=\"error-page\"><div class=\"gj-error-code\">413</div>"
                + "<h1 class=\"h4\">" + message + "</h1><a class=\"btn btn-outline-secondary mt-3\" href=\"" + context + "/\">"
                + back + "</a></section></main></body></html>");
    }
}
