package org.gongjian.identity;

import java.util.List;

import org.gongjian.org.OrgService;
import org.gongjian.shared.DataScope;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets any controller declare a {@link DataScope} parameter: the signed-in user's unit subtree, fresh per request. */
@Configuration(proxyBeanMethods = false)
class DataScopeResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final OrgService org;

    DataScopeResolver(OrgService org) {
        this.org = org;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == DataScope.class;
    }

    @Override
    public DataScope resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                     WebDataBinderFactory binders) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof CurrentUser user)) {
            throw new AccessDeniedException("no user");
        }
        return scopeOf(user, org, parameter.getContainingClass().getPackageName());
    }

    /**
     * 三员分立: the system administrator sees the units, people and accounts of its scope (the org and identity
     * modules' pages), the security administrator the accounts; neither sees anything of the campaign, and the audit
     * administrator sees no unit data at all.
     */
    static DataScope scopeOf(CurrentUser user, OrgService org, String controllerPackage) {
        boolean separated = user.roles().stream().anyMatch(Role.SEPARATED_ADMINISTRATORS::contains);
        if (separated) {
            boolean accounts = controllerPackage.startsWith(ACCOUNTS_MODULE)
                    || controllerPackage.startsWith(ORG_MODULE) && user.has(Role.SYS_ADMIN);
            if (!accounts || user.has(Role.AUDIT_ADMIN)) {
                return DataScope.nothing();
            }
            return user.scopeUnitId() == null ? DataScope.everything()
                    : org.scopeOf(user.scopeUnitId()).orElseThrow(() -> new AccessDeniedException("scope unit gone"));
        }
        return scopeOf(user, org);
    }

    private static final String ACCOUNTS_MODULE = "org.gongjian.identity";
    private static final String ORG_MODULE = "org.gongjian.org";

    static DataScope scopeOf(CurrentUser user, OrgService org) {
        if (user.scopeUnitId() == null) {
            if (!user.has(Role.ADMIN)) {
                throw new AccessDeniedException("user without data scope");
            }
            return DataScope.everything();
        }
        return org.scopeOf(user.scopeUnitId()).orElseThrow(() -> new AccessDeniedException("scope unit gone"));
    }
}
