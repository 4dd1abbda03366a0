package org.gongjian.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

import org.gongjian.campaign.CampaignCommand;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.campaign.TaskCommand;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.identity.Role;
import org.gongjian.identity.UserService;
import org.gongjian.shared.DataScope;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** A county with a campaign and one task of township A (lead leader: cadre A) whose milestone falls due on a date. */
@Component
class NoticeFixtures {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final DataScope ALL = DataScope.everything();

    private final OrgFixtures org;
    private final CampaignService campaigns;
    private final TaskService tasks;
    private final UserService users;
    private final PasswordEncoder encoder;
    private final JdbcClient jdbc;

    NoticeFixtures(OrgFixtures org, CampaignService campaigns, TaskService tasks, UserService users,
                   PasswordEncoder encoder, JdbcClient jdbc) {
        this.org = org;
        this.campaigns = campaigns;
        this.tasks = tasks;
        this.users = users;
        this.encoder = encoder;
        this.jdbc = jdbc;
    }

    record Setup(County c, CampaignView campaign, TaskView task, String supervisor, String leaderA, String headA) {}

    Setup redTask(LocalDate milestoneDue) {
        County c = org.county();
        CampaignView campaign = campaigns.create(new CampaignCommand("督办年" + c.tag(), 2026, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), c.county().id(), null, ReportingFrequency.MONTHLY, null, null, null, null,
                null), ALL);
        TaskView task = tasks.create(campaign.id(), new TaskCommand("污水管网改造" + c.tag(), null, "生态环保",
                c.townshipA().id(), c.cadreA().id(), List.of(c.villageA().id()), null, LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 12, 31), List.of(), List.of(new TaskCommand.MilestoneInput(null, "完成管网招标",
                        milestoneDue, null))), ALL);
        String supervisor = org.user("sup" + c.tag(), c.county(), Role.SUPERVISOR);
        String leaderA = "ldra" + c.tag();
        users.createPrehashed(leaderA, encoder.encode(OrgFixtures.PASSWORD), c.cadreA().id(), c.county().id(),
                EnumSet.of(Role.LEADER));
        String headA = org.user("head" + c.tag(), c.townshipA(), Role.UNIT_HEAD);
        return new Setup(c, campaign, task, supervisor, leaderA, headA);
    }

    /** 06:30 Beijing time on the day, when the daily job runs. */
    static Instant morning(LocalDate day) {
        return day.atTime(6, 30).atZone(SHANGHAI).toInstant();
    }

    record Row(long id, String level, String status, String origin, long unitId, Long leaderPersonId,
               Long escalatedFromId, LocalDate createdOn, LocalDate responseDue, String requirement) {}

    List<Row> notices(long taskId) {
        return jdbc.sql("SELECT * FROM supervision_notice WHERE task_id = :t ORDER BY id").param("t", taskId)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("level"), rs.getString("status"),
                        rs.getString("origin"), rs.getLong("unit_id"), (Long) rs.getObject("leader_person_id", Long.class),
                        (Long) rs.getObject("escalated_from_id", Long.class),
                        rs.getTimestamp("created_at").toInstant().atZone(SHANGHAI).toLocalDate(),
                        rs.getDate("response_due").toLocalDate(), rs.getString("requirement"))).list();
    }

    long userId(String username) {
        return jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", username).query(Long.class).single();
    }

    /** Inbox rows of a user linking to a notice. */
    List<String> inbox(String username, long noticeId) {
        return jdbc.sql("SELECT kind FROM notification WHERE user_id = :u AND link = :l ORDER BY id")
                .param("u", userId(username)).param("l", "/supervision/notices/" + noticeId).query(String.class).list();
    }
}
