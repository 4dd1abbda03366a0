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
        return scopeOf(user, unitId -> unitScope(request, unitId), parameter.getContainingClass().getPackageName());
    }

    /**
     * Request attribute: the {@link DataScope} of the user's scope unit, read by {@link BearerTokenFilter} in the
     * token's own statement on this request — as fresh as reading the unit again, one statement and one
     * transaction less per API request.
     */
    static final String UNIT_SCOPE = DataScopeResolver.class.getName() + ".unitScope";

    private java.util.Optional<DataScope> unitScope(NativeWebRequest request, long unitId) {
        if (request.getAttribute(UNIT_SCOPE, NativeWebRequest.SCOPE_REQUEST) instanceof DataScope read
                && read.unitId() != null && read.unitId() == unitId) {
            return java.util.Optional.of(read);
        }
        return org.scopeOf(unitId);
    }

    /**
     * 三员分立: the system administrator sees the units, people and accounts of its scope (the org and identity
     * modules' pages), the security administrator the accounts; neither sees anything of the campaign, and the audit
     * administrator sees no unit data at all.
     */
    static DataScope scopeOf(CurrentUser user, OrgService org, String controllerPackage) {
        return scopeOf(user, org::scopeOf, controllerPackage);
    }

    private static DataScope scopeOf(CurrentUser user, java.util.function.LongFunction<java.util.Optional<DataScope>> units,
                                     String controllerPackage) {
        boolean separated = user.roles().stream().anyMatch(Role.SEPARATED_ADMINISTRATORS::contains);
        if (separated) {
            boolean accounts = controllerPackage.startsWith(ACCOUNTS_MODULE)
                    || controllerPackage.startsWith(ORG_MODULE) && user.has(Role.SYS_ADMIN);
            if (!accounts || user.has(Role.AUDIT_ADMIN)) {
                return DataScope.nothing();
            }
            return user.scopeUnitId() == null ? DataScope.everything()
                    : units.apply(user.scopeUnitId()).orElseThrow(() -> new AccessDeniedException("scope unit gone"));
        }
        return scopeOf(user, units);
    }

    private static final String ACCOUNTS_MODULE = "org.gongjian.identity";
    private static final String ORG_MODULE = "org.gongjian.org";

    static DataScope scopeOf(CurrentUser user, OrgService org) {
        return scopeOf(user, org::scopeOf);
    }

    private static DataScope scopeOf(CurrentUser user, java.util.function.LongFunction<java.util.Optional<DataScope>> units) {
        if (user.scopeUnitId() == null) {
            if (!user.has(Role.ADMIN)) {
                throw new AccessDeniedException("user without data scope");
            }
            return DataScope.everything();
        }
        return units.apply(user.scopeUnitId()).orElseThrow(() -> new AccessDeniedException("scope unit gone"));
    }
}
