package org.gongjian.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.Conflict;
import org.gongjian.shared.DataScope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 交流轮岗 for supervision: the open notices (being handled: OPEN or RESPONDED) addressed to the outgoing lead leader
 * pass to the successor, each audited. Closed and escalated notices keep the name they were issued to (history).
 * Runs inside the caller's transaction (MANDATORY).
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class NoticeHandover {

    private final NoticeStore store;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NoticeHandover(NoticeStore store, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The open notices addressed to the person as lead leader, oldest first. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<NoticeView> openFor(long personId) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                SELECT id FROM supervision_notice WHERE leader_person_id = :p AND status IN ('OPEN', 'RESPONDED')
                ORDER BY id""").param("p", personId).query(Long.class).list().stream()
                .map(id -> store.find(id, DataScope.everything(), today).orElseThrow()).toList();
    }

    /** @return the ids of the notices handed over */
    public List<Long> handOver(long fromPersonId, long toPersonId, String reason) {
        List<Long> ids = openFor(fromPersonId).stream().map(NoticeView::id).toList();
        for (long id : ids) {
            if (jdbc.sql("""
                    UPDATE supervision_notice SET leader_person_id = :to, version = version + 1
                    WHERE id = :id AND leader_person_id = :from AND status IN ('OPEN', 'RESPONDED')""")
                    .param("to", toPersonId).param("from", fromPersonId).param("id", id).update() != 1) {
                throw new Conflict("notice.changed", "督办单 " + id + " 刚被他人处理，交接未完成");
            }
            events.publishEvent(new AuditableChange("notice.handover", "supervision_notice", String.valueOf(id),
                    Map.of("leaderPersonId", fromPersonId), Map.of("leaderPersonId", toPersonId, "reason", reason)));
        }
        return ids;
    }
}
