package org.gongjian.integrity;

import org.gongjian.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/integrity}: the anchor public key (open, so anyone can check an anchor), verification of every
 * chain and anchor (administrator, security and audit administrators), and anchoring now (administrator and
 * security administrator).
 */
@RestController
class IntegrityApiController {

    private final IntegrityService integrity;

    IntegrityApiController(IntegrityService integrity) {
        this.integrity = integrity;
    }

    @GetMapping("/api/v1/integrity/public-key")
    IntegrityService.PublicKey publicKey() {
        return integrity.publicKey();
    }

    @GetMapping("/api/v1/integrity/verify")
    @PreAuthorize("hasAnyRole('ADMIN', 'SEC_ADMIN', 'AUDIT_ADMIN')")
    IntegrityService.Verification verify() {
        return integrity.verify();
    }

    @PostMapping("/api/v1/integrity/anchors")
    @PreAuthorize("hasAnyRole('ADMIN', 'SEC_ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    Anchor anchor(@AuthenticationPrincipal CurrentUser user) {
        return integrity.anchorNow(user.getUsername());
    }
}
