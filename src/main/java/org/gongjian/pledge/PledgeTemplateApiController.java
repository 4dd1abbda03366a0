package org.gongjian.pledge;

import org.gongjian.shared.DataScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A campaign's pledge template over {@code /api/v1}: the issuer and terms new pledges start from. */
@RestController
class PledgeTemplateApiController {

    private final PledgeService pledges;

    PledgeTemplateApiController(PledgeService pledges) {
        this.pledges = pledges;
    }

    /** The campaign-level terms new pledges start from (editable per draft before signing). */
    @GetMapping("/api/v1/campaigns/{campaignId}/pledge-template")
    PledgeStore.Template template(@PathVariable long campaignId, DataScope scope) {
        return pledges.templateFor(campaignId, scope);
    }

    @PutMapping("/api/v1/campaigns/{campaignId}/pledge-template")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    PledgeStore.Template saveTemplate(@PathVariable long campaignId, @RequestBody PledgeStore.Template template,
                                      DataScope scope) {
        pledges.saveTemplate(campaignId, template, scope);
        return pledges.templateFor(campaignId, scope);
    }
}
