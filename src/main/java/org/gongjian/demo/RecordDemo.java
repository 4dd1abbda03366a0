package org.gongjian.demo;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.gongjian.assessment.CadreMarks;
import org.gongjian.assessment.MarkKind;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.UserService;
import org.gongjian.org.OrgService;
import org.gongjian.org.PersonView;
import org.gongjian.report.EvidenceService;
import org.gongjian.report.EvidenceView;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.PageQuery;
import org.springframework.stereotype.Component;

/**
 * 实绩档案 for the demo: the organisation department (zuzhibu) marks the county head (lingdao's cadre) for a hard
 * post and urgent work, and the first few other lead leaders for urgent work, with evidence from their unit's library
 * when it has any. Called after the rankings are published, so each record shows tasks, notices, scores and marks.
 */
@Component
class RecordDemo {

    static final int OTHER_LEADERS = 3;

    private final CadreMarks marks;
    private final TaskService tasks;
    private final UserService users;
    private final OrgService org;
    private final EvidenceService evidence;

    RecordDemo(CadreMarks marks, TaskService tasks, UserService users, OrgService org, EvidenceService evidence) {
        this.marks = marks;
        this.tasks = tasks;
        this.users = users;
        this.org = org;
        this.evidence = evidence;
    }

    /** @return the number of marks recorded */
    int load(long campaignId, DataScope county, LocalDate today) {
        int n = 0;
        Long mayor = users.asCurrentUser("lingdao").map(CurrentUser::personId).orElse(null);
        if (mayor != null) {
            marks.mark(mayor, MarkKind.HARD_POST, "担任县防汛抗旱指挥部总指挥，汛期坐镇一线调度", today.minusDays(75),
                    evidenceOf(mayor, county), "zuzhibu", county);
            marks.mark(mayor, MarkKind.URGENT_TASK, "牵头处置城区内涝，48小时内恢复主干道通行", today.minusDays(40),
                    List.of(), "zuzhibu", county);
            n += 2;
        }
        Set<Long> leaders = new LinkedHashSet<>();
        for (TaskView t : tasks.tasksForEvaluation(campaignId)) {
            if (t.leadLeaderId() != null && !t.leadLeaderId().equals(mayor) && leaders.size() < OTHER_LEADERS) {
                leaders.add(t.leadLeaderId());
            }
        }
        for (long leader : leaders) {
            marks.mark(leader, MarkKind.URGENT_TASK, "信访积案化解专项行动中包案化解重点信访件", today.minusDays(20 + 7L * n),
                    evidenceOf(leader, county), "zuzhibu", county);
            n++;
        }
        return n;
    }

    private List<Long> evidenceOf(long personId, DataScope county) {
        PersonView person = org.person(personId, county);
        return evidence.library(person.unitId(), county, new PageQuery(0, 1)).items().stream().map(EvidenceView::id).toList();
    }
}
