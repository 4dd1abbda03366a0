package org.gongjian.report;

import java.io.UnsupportedEncodingException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.gongjian.campaign.CampaignCommand;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.Direction;
import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.campaign.TaskCommand;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.identity.Role;
import org.gongjian.org.UnitView;
import org.gongjian.shared.DataScope;
import org.gongjian.support.OrgFixtures;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A county whose township 甲镇 leads a monthly-reported task (新增城镇就业人数 0 → 1000 人, two milestones), with a
 * liaison and a head for 甲镇, a liaison for 乙镇, and the county's supervision office.
 */
@Component
class ReportFixtures {

    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate END = LocalDate.of(2026, 12, 31);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OrgFixtures org;
    private final CampaignService campaigns;
    private final TaskService tasks;

    ReportFixtures(OrgFixtures org, CampaignService campaigns, TaskService tasks) {
        this.org = org;
        this.campaigns = campaigns;
        this.tasks = tasks;
    }

    record Setup(OrgFixtures.County county, CampaignView campaign, TaskView task, String liaison, String head,
                 String office, String otherLiaison) {

        long jobs() {
            return task.indicators().get(0).id();
        }

        long milestone(int index) {
            return task.milestones().get(index).id();
        }
    }

    Setup county(ReportingFrequency frequency, boolean unitHeadReview) {
        OrgFixtures.County c = org.county();
        CampaignView campaign = campaigns.create(new CampaignCommand("攻坚年" + c.tag(), 2026, START, END, c.county().id(),
                null, frequency, null, null, null, null, null), DataScope.everything());
        if (unitHeadReview) {
            campaign = campaigns.setUnitHeadReview(campaign.id(), true, DataScope.everything());
        }
        TaskView task = task(campaign, c.townshipA(), "稳就业" + c.tag());
        return new Setup(c, campaign, task, c.liaisonAUser(), org.user("head" + c.tag(), c.townshipA(), Role.UNIT_HEAD),
                org.user("dcs" + c.tag(), c.county(), Role.SUPERVISOR), c.liaisonBUser());
    }

    TaskView task(CampaignView campaign, UnitView lead, String title) {
        return tasks.create(campaign.id(), new TaskCommand(title, null, "民生改善", lead.id(), null, List.of(), null, START,
                END, List.of(new TaskCommand.IndicatorInput(null, "新增城镇就业人数", "人", BigDecimal.ZERO,
                        new BigDecimal("1000"), Direction.HIGHER_IS_BETTER)),
                List.of(new TaskCommand.MilestoneInput(null, "完成招聘会", LocalDate.of(2026, 5, 31), null),
                        new TaskCommand.MilestoneInput(null, "完成年度考核", LocalDate.of(2026, 12, 20), null))),
                DataScope.everything());
    }

    static JsonNode body(ResultActions result) throws UnsupportedEncodingException {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
