package org.gongjian.demo;

import java.util.List;

import org.gongjian.identity.UserService;
import org.gongjian.pledge.PledgeService;
import org.gongjian.pledge.PledgeView;
import org.gongjian.shared.DataScope;
import org.springframework.stereotype.Component;

/**
 * Pledges for the demo townships; 城关镇's is signed through the real signing path by its head (zhenzhang) and the
 * county mayor (lingdao), password and all, so the demo shows a frozen, verifiable pledge beside drafts.
 */
@Component
class DemoPledges {

    private final PledgeService pledges;
    private final UserService users;

    DemoPledges(PledgeService pledges, UserService users) {
        this.pledges = pledges;
        this.users = users;
    }

    int load(long campaignId, List<Long> townships, String password) {
        DataScope all = DataScope.everything();
        int created = 0;
        for (Long township : townships) {
            PledgeView pledge = pledges.generate(campaignId, township, "system", all);
            created++;
            if (created == 1) {
                for (String signer : List.of("zhenzhang", "lingdao")) {
                    users.asCurrentUser(signer).ifPresent(user -> pledges.sign(pledge.id(), password, null, user, null, all));
                }
            }
        }
        return created;
    }
}
