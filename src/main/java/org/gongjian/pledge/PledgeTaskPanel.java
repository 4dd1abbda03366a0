package org.gongjian.pledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gongjian.campaign.TaskPanel;
import org.gongjian.campaign.TaskView;
import org.gongjian.shared.DataScope;
import org.springframework.stereotype.Component;

/** On the task page: which signed pledge version binds the task, and whether today's targets still match it. */
@Component
class PledgeTaskPanel implements TaskPanel {

    private final PledgeService pledges;

    PledgeTaskPanel(PledgeService pledges) {
        this.pledges = pledges;
    }

    @Override
    public Optional<Panel> panelFor(TaskView task, DataScope scope) {
        return pledges.bindingOf(task.id()).map(binding -> {
            List<String> lines = new ArrayList<>();
            lines.add("受第" + binding.version() + "版军令状约束");
            boolean differs = false;
            for (PledgeContent.PledgedIndicator pledged : binding.pledged().indicators()) {
                var now = task.indicators().stream().filter(i -> i.name().equals(pledged.name())).findFirst();
                String target = plain(pledged.target()) + pledged.unit();
                if (now.isEmpty() || now.get().target().compareTo(pledged.target()) != 0) {
                    differs = true;
                    lines.add("“" + pledged.name() + "”承诺目标 " + target + "，当前目标 "
                            + now.map(i -> plain(i.target()) + i.unit()).orElse("已删除") + "——与军令状不一致，需走变更");
                } else {
                    lines.add("“" + pledged.name() + "”承诺目标 " + target);
                }
            }
            if (!binding.pledged().dueDate().equals(task.dueDate())) {
                differs = true;
                lines.add("承诺完成时限 " + binding.pledged().dueDate() + "，当前 " + task.dueDate() + "——需走变更");
            }
            return new Panel("军令状", lines, "/pledges/" + binding.pledgeId(), "查看军令状", differs);
        });
    }

    private static String plain(java.math.BigDecimal value) {
        return org.gongjian.shared.Decimals.plain(value);
    }
}
