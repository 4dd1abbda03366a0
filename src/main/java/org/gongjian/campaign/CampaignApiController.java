package org.gongjian.campaign;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/campaigns}. */
@RestController
@RequestMapping("/api/v1/campaigns")
class CampaignApiController {

    private final CampaignService campaigns;
    private final TaskService tasks;

    CampaignApiController(CampaignService campaigns, TaskService tasks) {
        this.campaigns = campaigns;
        this.tasks = tasks;
    }

    record Carried(int carried) {}

    /** 承接: copies the higher-level campaign's tasks for this unit into this campaign (idempotent). */
    @PostMapping("/{id}/inherit")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    Carried inherit(@PathVariable long id, DataScope scope) {
        return new Carried(tasks.carryDown(id, scope));
    }

    @GetMapping
    PageResult<CampaignView> list(DataScope scope) {
        List<CampaignView> items = campaigns.campaigns(scope);
        return new PageResult<>(items, items.size(), 0, Math.max(items.size(), 1));
    }

    @GetMapping("/{id}")
    CampaignView get(@PathVariable long id, DataScope scope) {
        return campaigns.campaign(id, scope);
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    ResponseEntity<CampaignView> create(@Valid @RequestBody CampaignCommand command, DataScope scope) {
        CampaignView campaign = campaigns.create(command, scope);
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + campaign.id())).body(campaign);
    }
}
