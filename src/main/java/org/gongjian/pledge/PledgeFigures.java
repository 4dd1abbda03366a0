package org.gongjian.pledge;

import org.gongjian.shared.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read-only pledge figures for dashboards: one statement, whatever the number of pledges. */
@Service
@Transactional(readOnly = true)
public class PledgeFigures {

    private final JdbcClient jdbc;

    PledgeFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Pledges of a campaign whose unit is in the scope: signed = the current version is signed by both sides. */
    public record Signing(long signed, long unsigned) {

        public long total() {
            return signed + unsigned;
        }
    }

    public Signing signing(long campaignId, DataScope scope) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(CASE WHEN v.status = 'SIGNED' THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN v.status = 'SIGNED' THEN 0 ELSE 1 END), 0)
                FROM pledge p
                JOIN pledge_version v ON v.pledge_id = p.id
                 AND v.version_no = (SELECT MAX(x.version_no) FROM pledge_version x WHERE x.pledge_id = p.id)
                JOIN org_unit_path u ON u.unit_id = p.unit_id
                WHERE p.campaign_id = :campaign AND u.path LIKE :scope""")
                .param("campaign", campaignId).param("scope", scope.likePattern())
                .query((rs, n) -> new Signing(rs.getLong(1), rs.getLong(2))).single();
    }
}
