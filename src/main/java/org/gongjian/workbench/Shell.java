package org.gongjian.workbench;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.gongjian.identity.CurrentUser;
import org.gongjian.org.OrgService;
import org.gongjian.org.PersonView;
import org.jspecify.annotations.Nullable;
import org.gongjian.shared.DemoMode;
import org.gongjian.web.PageInterceptors;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts what the page shell draws into every rendered page's model: {@code nav} (menu, active entry, breadcrumb, phone
 * tabs) and {@code me} (the signed-in person's real name and post — people know each other by name, not by login).
 * Only views get it; API responses and redirects are left alone.
 */
@Component
public class Shell implements HandlerInterceptor, WebMvcConfigurer {

    /** Who the user is, as the top bar and the greeting say it. */
    public record Me(String name, @Nullable String post, String username, List<String> roles) implements java.io.Serializable {}

    private static final String ME_KEY = Shell.class.getName() + ".me";

    private final OrgService org;
    private final MessageSource messages;
    private final boolean demo;

    Shell(OrgService org, MessageSource messages, Environment env) {
        this.demo = DemoMode.isOn(env);
        this.org = org;
        this.messages = messages;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        PageInterceptors.register(registry, this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           @Nullable ModelAndView view) {
        if (view == null || (view.getViewName() != null && view.getViewName().startsWith("redirect:"))) {
            return;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof CurrentUser user)) {
            return;
        }
        List<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).toList();
        if (demo && roles.contains("ADMIN")) {
            roles = java.util.stream.Stream.concat(roles.stream(), java.util.stream.Stream.of(Navigation.DEMO_ADMIN)).toList();
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        view.addObject("nav", Navigation.view(roles, path));
        HttpSession session = request.getSession(false);
        view.addObject("me", me(user, session, LocaleContextHolder.getLocale()));
        if (session != null) {
            // The badge stops polling once the page has been idle this long, so an open tab doesn't keep the session alive.
            view.addObject("idleSeconds", session.getMaxInactiveInterval());
        }
    }

    /** Looked up once per session and language: the shell must not cost a query on every page. */
    private Me me(CurrentUser user, @Nullable HttpSession session, Locale locale) {
        String key = ME_KEY + "." + locale.getLanguage();
        if (session != null && session.getAttribute(key) instanceof Me cached && cached.username().equals(user.getUsername())) {
            return cached;
        }
        PersonView person = user.personId() == null ? null : org.personUnscoped(user.personId()).orElse(null);
        List<String> roles = user.roles().stream().sorted(Comparator.naturalOrder())
                .map(r -> messages.getMessage("enum.Role." + r.name(), null, r.label(), locale)).toList();
        Me me = person == null
                ? new Me(user.getUsername(), roles.isEmpty() ? null : String.join("、", roles), user.getUsername(), roles)
                : new Me(person.name(), person.unitName() + person.position(), user.getUsername(), roles);
        if (session != null) {
            session.setAttribute(key, me);
        }
        return me;
    }
}
