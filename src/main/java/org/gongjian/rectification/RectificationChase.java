package org.gongjian.rectification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.gongjian.shared.DomainException;
import org.gongjian.supervision.NoticeLevel;
import org.gongjian.supervision.NoticeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Overdue fixes chase themselves: a measure past its deadline with nothing reported (of a problem tied to a task, not
 * signed off) gets an automatic 催办 notice to the problem's unit through supervision's public API, once per measure
 * and deadline (the notice's auto key). From there the notice is on the existing ladder: unanswered past its date it
 * becomes 督办 to the lead leader, then 约谈 (supervision.Escalation). Each notice is its own transaction.
 */
@Service
public class RectificationChase {

    private static final Logger log = LoggerFactory.getLogger(RectificationChase.class);
    static final String SYSTEM = "system";

    private final ProblemStore store;
    private final NoticeService notices;
    private final TransactionTemplate tx;
    private final Clock clock;

    RectificationChase(ProblemStore store, NoticeService notices, PlatformTransactionManager transactions, Clock clock) {
        this.store = store;
        this.notices = notices;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** How many 催办 notices a run issued. */
    public int run(LocalDate asOf) {
        int issued = 0;
        for (ProblemStore.Unanswered u : store.unansweredOverdue(asOf)) {
            try {
                if (Boolean.TRUE.equals(tx.execute(status -> chase(u, asOf)))) {
                    issued++;
                }
            } catch (DataIntegrityViolationException | DomainException e) {
                log.info("rectification chase skipped for measure {}: {}", u.measureId(), e.getMessage());
            }
        }
        return issued;
    }

    private boolean chase(ProblemStore.Unanswered u, LocalDate asOf) {
        String key = "PROBLEM:" + u.measureId() + ":" + u.deadline();
        long days = ChronoUnit.DAYS.between(u.deadline(), asOf);
        String text = "整改问题“" + u.problemText() + "”的措施“" + u.description() + "”整改时限" + u.deadline() + "已过"
                + days + "天，仍未报送完成情况。请于" + NoticeService.RESPONSE_DAYS + "日内报送整改进展和佐证材料。"
                + "（整改台账第" + u.problemId() + "号问题）";
        return notices.issueAutomatic(u.taskId(), u.unitId(), NoticeLevel.URGE, text, key).map(noticeId -> {
            store.chase(u.problemId(), u.measureId(), noticeId, asOf);
            store.step(u.problemId(), "超期催办（第" + noticeId + "号催办单）：" + u.description(), SYSTEM, null,
                    clock.instant());
            return true;
        }).orElse(false);
    }
}
