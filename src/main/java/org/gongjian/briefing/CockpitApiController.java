package org.gongjian.briefing;

import org.gongjian.shared.DataScope;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The cockpit's figures over {@code /api/v1}: the same record the page draws. */
@RestController
class CockpitApiController {

    private final Cockpit cockpit;

    CockpitApiController(Cockpit cockpit) {
        this.cockpit = cockpit;
    }

    @GetMapping("/api/v1/campaigns/{campaignId}/dashboard")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'ORG_DEPT', 'LEADER')")
    Dashboard dashboard(@PathVariable long campaignId, @RequestParam(required = false) @Nullable Long unitId,
                        DataScope scope) {
        return cockpit.dashboard(campaignId, unitId, scope);
    }
}
