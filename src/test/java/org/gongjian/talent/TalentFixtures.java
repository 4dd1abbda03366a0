package org.gongjian.talent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
import org.gongjian.shared.DataScope;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.springframework.stereotype.Component;

/**
 * A county of its own with a talent office (人才办, county scope), the department that delivers the housing subsidy (its
 * head), a returned PhD registered in township A, and the housing-subsidy policy (A–C, 博士, within 3 years, 5 working days).
 */
@Component
class TalentFixtures {

    static final String PHONE = "13812345678";
    static final String ID_NUMBER = "110101199001011234";
    static final String ADDRESS = "示范县城关镇幸福路8号3单元";

    private final OrgFixtures org;
    private final TalentService talents;
    private final PolicyService policies;

    TalentFixtures(OrgFixtures org, TalentService talents, PolicyService policies) {
        this.org = org;
        this.talents = talents;
        this.policies = policies;
    }

    record Desk(County c, String office, String deptHead, TalentView phd, PolicyView housing, CurrentUser officeUser) {}

    Desk desk() {
        County c = org.county();
        String office = org.user("rcb" + c.tag(), c.county(), Role.TALENT_OFFICE);
        String deptHead = org.user("zjh" + c.tag(), c.department(), Role.UNIT_HEAD);
        CurrentUser officeUser = new CurrentUser(0, office, null, c.county().id(), java.util.Set.of(Role.TALENT_OFFICE));
        DataScope scope = DataScope.of(c.county().id(), c.county().path());
        TalentView phd = talents.create(new TalentCommand(c.townshipA().id(), "林海燕" + c.tag(), "新材料", "B", Degree.DOCTOR,
                "研究员", "示范新材料研究院", LocalDate.of(2025, 9, 1), TalentSource.INTRODUCED, PHONE, ID_NUMBER, ADDRESS),
                officeUser, scope);
        PolicyView housing = policies.create(new PolicyCommand("博士安家补贴" + c.tag(), "安家补贴", c.department().id(),
                List.of("A", "B", "C"), List.of(), Degree.DOCTOR, 3, new BigDecimal("200000"), "一次性发放安家补贴20万元",
                List.of("学位证书", "劳动合同", "购房合同"), 5), officeUser, scope);
        return new Desk(c, office, deptHead, phd, housing, officeUser);
    }

    TalentView create(TalentCommand command, Desk d) {
        return talents.create(command, d.officeUser(), DataScope.of(d.c().county().id(), d.c().county().path()));
    }
}
