package org.gongjian.identity;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * For pages: {@code ${@names.of(report.createdBy())}} shows 张三, not "lianluo". Trails store the login name (it is
 * what the audit holds and never changes meaning); people read names. Looked up once per name per request.
 */
@Component("names")
public class DisplayNames {

    private static final String CACHE = DisplayNames.class.getName() + ".cache";

    private final UserService users;

    DisplayNames(UserService users) {
        this.users = users;
    }

    public @Nullable String of(@Nullable String username) {
        if (username == null || username.isBlank()) {
            return username;
        }
        Map<String, String> cache = cache();
        String name = cache.get(username);
        if (name == null) {
            name = users.displayName(username);
            cache.put(username, name);
        }
        return name;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> cache() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return new HashMap<>();
        }
        Object cache = request.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST);
        if (cache == null) {
            cache = new HashMap<String, String>();
            request.setAttribute(CACHE, cache, RequestAttributes.SCOPE_REQUEST);
        }
        return (Map<String, String>) cache;
    }
}
