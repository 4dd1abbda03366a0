package org.gongjian.pledge;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.Direction;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.pledge.PledgeStore.PledgeRecord;
import org.gongjian.pledge.PledgeStore.VersionRecord;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.NotFound;
import org.springframework.stereotype.Component;

/** A pledge's fulfilment (兑现), judged after the campaign's end against the tasks as they are now. */
@Component
class PledgeFulfilment {

    private final PledgeStore pledges;
    private final CampaignService campaigns;
    private final TaskService tasks;
    private final Clock clock;

    PledgeFulfilment(PledgeStore pledges, CampaignService campaigns, TaskService tasks, Clock clock) {
        this.pledges = pledges;
        this.campaigns = campaigns;
        this.tasks = tasks;
        this.clock = clock;
    }

    record Judgement(Fulfilment fulfilment, List<String> reasons) {}

    /** 兑现 at campaign end, from the latest signed version: every pledged target met, some, or none. */
    Judgement judge(PledgeRecord pledge) {
        CampaignView campaign = campaigns.campaign(pledge.campaignId(), DataScope.everything());
        VersionRecord signed = pledges.versions(pledge.id()).stream()
                .filter(v -> v.status() == PledgeStatus.SIGNED).reduce((a, b) -> b).orElse(null);
        if (signed == null) {
            return new Judgement(Fulfilment.PENDING, List.of("尚无签署生效的版本"));
        }
        if (!LocalDate.now(clock).isAfter(campaign.endDate())) {
            return new Judgement(Fulfilment.PENDING, List.of("攻坚行动于 " + campaign.endDate() + " 结束后评定"));
        }
        List<String> reasons = new ArrayList<>();
        int met = 0;
        List<PledgeContent.PledgedTask> pledged = PledgeHashing.read(signed.contentJson()).tasks();
        for (PledgeContent.PledgedTask p : pledged) {
            boolean ok = achieved(p);
            met += ok ? 1 : 0;
            reasons.add((ok ? "已完成：" : "未完成：") + p.title());
        }
        Fulfilment result = met == pledged.size() ? Fulfilment.FULFILLED : met == 0 ? Fulfilment.UNFULFILLED : Fulfilment.PARTIAL;
        return new Judgement(result, reasons);
    }

    /** A pledged task is achieved when every pledged indicator reached its pledged target (or, without any, progress 100 %). */
    private boolean achieved(PledgeContent.PledgedTask p) {
        TaskView task;
        try {
            task = tasks.task(p.taskId(), DataScope.everything());
        } catch (NotFound e) {
            return false;
        }
        if (p.indicators().isEmpty()) {
            return task.progress().compareTo(BigDecimal.valueOf(100)) >= 0;
        }
        for (PledgeContent.PledgedIndicator pi : p.indicators()) {
            BigDecimal actual = task.indicators().stream().filter(i -> i.name().equals(pi.name())).findFirst()
                    .map(TaskView.IndicatorView::actual).orElse(null);
            if (actual == null) {
                return false;
            }
            int cmp = actual.compareTo(pi.target());
            boolean reached = Direction.valueOf(pi.direction()) == Direction.HIGHER_IS_BETTER ? cmp >= 0 : cmp <= 0;
            if (!reached) {
                return false;
            }
        }
        return true;
    }
}
