package org.gongjian.audit;

import org.gongjian.shared.DemoMode;
import org.springframework.core.env.Environment;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who reads the audit trail (三员分立): the audit administrator, and ADMIN only in the demo, where one login shows
 * everything. Used as {@code @PreAuthorize("@auditReaders.allowed(authentication)")}.
 */
@Component("auditReaders")
public class AuditReaders {

    private final boolean demo;

    AuditReaders(Environment env) {
        this.demo = DemoMode.isOn(env);
    }

    public boolean allowed(Authentication authentication) {
        return authentication.getAuthorities().stream().anyMatch(a -> "ROLE_AUDIT_ADMIN".equals(a.getAuthority())
                || demo && "ROLE_ADMIN".equals(a.getAuthority()));
    }
}
