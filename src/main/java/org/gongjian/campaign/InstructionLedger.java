package org.gongjian.campaign;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Every leader instruction (领导批示) of a campaign, in one read, for assessment. Unscoped: the caller checks the campaign. */
@Service
@Transactional(readOnly = true)
public class InstructionLedger {

    private final JdbcClient jdbc;

    InstructionLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<InstructionView> ofCampaign(long campaignId) {
        return jdbc.sql("""
                SELECT i.*, t.title AS task_title FROM leader_instruction i JOIN task t ON t.id = i.task_id
                WHERE t.campaign_id = :campaign ORDER BY i.id""")
                .param("campaign", campaignId).query((rs, n) -> {
                    Timestamp ack = rs.getTimestamp("acknowledged_at");
                    Timestamp answered = rs.getTimestamp("answered_at");
                    return new InstructionView(rs.getLong("id"), rs.getLong("task_id"), rs.getString("task_title"),
                            rs.getLong("author_user_id"), rs.getString("author_name"), rs.getString("text"),
                            rs.getTimestamp("created_at").toInstant(), ack == null ? null : ack.toInstant(),
                            rs.getString("acknowledged_by"), rs.getString("answer"),
                            answered == null ? null : answered.toInstant(), rs.getString("answered_by"));
                }).list();
    }
}
