package org.gongjian.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.Forbidden;
import org.gongjian.shared.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 催报: one click from the office reminds every unit that has not reported a period once its deadline has passed.
 * Each unit gets one reminder a day ({@code report_reminder}'s unique key), audited, announced by
 * {@link ReportReminderSent} for notify to deliver.
 */
@Service
@Transactional
public class ReportReminders {

    /** One late unit: reminded now, or already reminded today (nothing sent again). */
    public record Reminder(long unitId, String unitName, int missing, boolean sent) {}

    private final ReportDesk desk;
    private final CampaignService campaigns;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReportReminders(ReportDesk desk, CampaignService campaigns, JdbcClient jdbc, ApplicationEventPublisher events,
                    Clock clock) {
        this.desk = desk;
        this.campaigns = campaigns;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    public List<Reminder> remindLate(long campaignId, String periodLabel, CurrentUser user, DataScope scope) {
        if (!user.has(Role.SUPERVISOR) && !user.has(Role.ADMIN)) {
            throw new Forbidden("只有督查室可以催报");
        }
        CampaignView campaign = campaigns.campaign(campaignId, scope);
        ReportingPeriod period = ReportingPeriod.parse(periodLabel, campaign);
        LocalDate today = LocalDate.now(clock);
        if (!period.deadline().isBefore(today)) {
            throw InvalidInput.of("period", period.displayName() + "的报送截止日期（" + period.deadline() + "）未过，尚无逾期单位");
        }
        List<Reminder> reminders = new ArrayList<>();
        for (ReportDesk.UnitReporting unit : desk.byUnit(campaignId, period, scope)) {
            if (unit.notIn() == 0) {
                continue;
            }
            boolean sent = record(campaignId, unit, period, today, user);
            reminders.add(new Reminder(unit.unitId(), unit.unitName(), unit.notIn(), sent));
            if (sent) {
                ReportReminderSent reminder = new ReportReminderSent(campaignId, campaign.name(), unit.unitId(),
                        unit.unitName(), period.label(), period.displayName(), period.deadline(), unit.notIn(),
                        user.getUsername());
                events.publishEvent(reminder);
                events.publishEvent(new AuditableChange("report.remind", "report-reminder",
                        campaignId + ":" + unit.unitId() + ":" + period.label(), null, reminder));
            }
        }
        return reminders;
    }

    /** Records today's reminder unless there is one already (then false: the unit is not told twice a day). */
    private boolean record(long campaignId, ReportDesk.UnitReporting unit, ReportingPeriod period, LocalDate today,
                           CurrentUser user) {
        return jdbc.sql("""
                INSERT INTO report_reminder (campaign_id, unit_id, period, sent_on, missing, sent_by, sent_at)
                SELECT :campaign, :unit, :period, :today, :missing, :by, :now FROM (VALUES (1)) AS one (x)
                WHERE NOT EXISTS (SELECT 1 FROM report_reminder WHERE campaign_id = :campaign AND unit_id = :unit
                                  AND period = :period AND sent_on = :today)""")
                .param("campaign", campaignId).param("unit", unit.unitId()).param("period", period.label())
                .param("today", java.sql.Date.valueOf(today)).param("missing", unit.notIn())
                .param("by", user.getUsername())
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .update() == 1;
    }
}
