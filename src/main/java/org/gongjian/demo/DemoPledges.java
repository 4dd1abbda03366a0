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

    /** @return the id of the first township's pledge, to be signed once the demo has been committed */
    long load(long campaignId, List<Long> townships) {
        DataScope all = DataScope.everything();
        Long first = null;
        for (Long township : townships) {
            PledgeView pledge = pledges.generate(campaignId, township, "system", all);
            first = first == null ? pledge.id() : first;
        }
        return first == null ? -1 : first;
    }

    /** Signs through the real path, whose password check runs outside any open transaction (it must see the users). */
    void sign(long pledgeId, String password) {
        for (String signer : List.of("zhenzhang", "lingdao")) {
            users.asCurrentUser(signer).ifPresent(user ->
                    pledges.sign(pledgeId, password, null, user, null, DataScope.everything()));
        }
    }
}
