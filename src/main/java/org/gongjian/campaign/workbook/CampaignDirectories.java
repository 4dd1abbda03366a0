package org.gongjian.campaign.workbook;

import org.gongjian.campaign.CampaignService;
import org.gongjian.org.OrgService;
import org.gongjian.shared.DataScope;
import org.springframework.stereotype.Component;

/** Opens a {@link CampaignDirectory} for one request: the campaign as the caller sees it (404 when they can't). */
@Component
class CampaignDirectories {

    private final CampaignService campaigns;
    private final OrgService org;

    CampaignDirectories(CampaignService campaigns, OrgService org) {
        this.campaigns = campaigns;
        this.org = org;
    }

    CampaignDirectory of(long campaignId, DataScope scope) {
        return new CampaignDirectory(org, campaigns.campaign(campaignId, scope), scope);
    }
}
