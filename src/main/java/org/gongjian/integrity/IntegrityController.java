package org.gongjian.integrity;

import java.time.Clock;

import org.gongjian.identity.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 数据完整性 page: the anchors, the public key, and a check of every chain and anchor on demand. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SEC_ADMIN', 'AUDIT_ADMIN')")
class IntegrityController {

    private final IntegrityService integrity;
    private final Clock clock;

    IntegrityController(IntegrityService integrity, Clock clock) {
        this.integrity = integrity;
        this.clock = clock;
    }

    @GetMapping("/integrity")
    String page(@RequestParam(defaultValue = "false") boolean check, Model model) {
        model.addAttribute("anchors", integrity.anchors().stream().limit(60).toList());
        model.addAttribute("publicKey", integrity.publicKey());
        model.addAttribute("zone", clock.getZone());
        if (check) {
            model.addAttribute("verification", integrity.verify());
        }
        return "integrity/integrity";
    }

    @PostMapping("/integrity/anchors")
    @PreAuthorize("hasAnyRole('ADMIN', 'SEC_ADMIN')")
    String anchor(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        Anchor a = integrity.anchorNow(user.getUsername());
        redirect.addFlashAttribute("anchored", a.seq());
        return "redirect:/integrity";
    }
}
