package org.gongjian.support;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;

import org.gongjian.identity.Role;
import org.gongjian.identity.UserService;
import org.gongjian.org.OrgService;
import org.gongjian.org.PersonCommand;
import org.gongjian.org.PersonView;
import org.gongjian.org.UnitCommand;
import org.gongjian.org.UnitKind;
import org.gongjian.org.UnitView;
import org.gongjian.shared.DataScope;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Builds a small county of its own for each test: county › townships A and B › a village in A, a department,
 * a cadre in each township, and logins for each role. Codes and usernames are unique per call.
 */
@Component
public class OrgFixtures {

    public static final String PASSWORD = "Fixture-Pass-2026";

    /**
     * Every administrator a fixture makes has this authenticator secret enrolled (administrators need a second
     * factor); {@link #totpCode()} computes the current code for it, as the phone app would.
     */
    public static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    /** The code an authenticator app shows now (by the test application's clock) for {@link #TOTP_SECRET}. */
    public static String totpCode() {
        return totpCode(MutableClock.current());
    }

    /** The code for the given application clock (several test contexts, each with its own clock, may be cached). */
    public static String totpCode(java.time.Clock clock) {
        try {
            long step = clock.instant().getEpochSecond() / 30;
            return new dev.samstevens.totp.code.DefaultCodeGenerator().generate(TOTP_SECRET, step);
        } catch (dev.samstevens.totp.exceptions.CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    private final OrgService org;
    private final UserService users;
    private final String passwordHash;

    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    OrgFixtures(OrgService org, UserService users, PasswordEncoder encoder,
                org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.org = org;
        this.users = users;
        this.passwordHash = encoder.encode(PASSWORD);
    }

    public record County(String tag, UnitView county, UnitView townshipA, UnitView townshipB, UnitView villageA,
                         UnitView department, PersonView cadreA, PersonView cadreB,
                         String adminUser, String orgDeptUser, String orgDeptAUser, String liaisonAUser,
                         String liaisonBUser, String leaderUser) {}

    public County county() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        DataScope all = DataScope.everything();
        UnitView county = org.createUnit(new UnitCommand("测试县" + tag, UnitKind.COUNTY, null, "K" + tag), all);
        UnitView a = org.createUnit(new UnitCommand("甲镇" + tag, UnitKind.TOWNSHIP, county.id(), "KA" + tag), all);
        UnitView b = org.createUnit(new UnitCommand("乙镇" + tag, UnitKind.TOWNSHIP, county.id(), "KB" + tag), all);
        UnitView village = org.createUnit(new UnitCommand("甲村" + tag, UnitKind.VILLAGE, a.id(), "KAV" + tag), all);
        UnitView dept = org.createUnit(new UnitCommand("测试局" + tag, UnitKind.DEPARTMENT, county.id(), "KD" + tag), all);
        PersonView cadreA = org.createPerson(new PersonCommand("张三" + tag, "男", a.id(), "镇长", false,
                LocalDate.of(2024, 3, 1)), all);
        PersonView cadreB = org.createPerson(new PersonCommand("李四" + tag, "女", b.id(), "副镇长", true,
                LocalDate.of(2023, 5, 1)), all);
        return new County(tag, org.unit(county.id(), all), org.unit(a.id(), all), b, village, dept, cadreA, cadreB,
                user("adm" + tag, county, Role.ADMIN),
                user("org" + tag, county, Role.ORG_DEPT),
                user("orga" + tag, a, Role.ORG_DEPT),
                user("lla" + tag, a, Role.LIAISON),
                user("llb" + tag, b, Role.LIAISON),
                user("ldr" + tag, county, Role.LEADER));
    }

    public String user(String username, UnitView scope, Role role) {
        long id = users.createPrehashed(username, passwordHash, null, scope.id(), EnumSet.of(role));
        enrolAdministrator(id, role);
        return username;
    }

    /** A user who is the given cadre (a leader's 包保 tasks are found through the person). */
    public String user(String username, UnitView scope, Role role, long personId) {
        long id = users.createPrehashed(username, passwordHash, personId, scope.id(), EnumSet.of(role));
        enrolAdministrator(id, role);
        return username;
    }

    /** As if the administrator had scanned the QR code: test data only, the app enrols through its own page. */
    private void enrolAdministrator(long userId, Role role) {
        if (role.isAdministrator()) {
            jdbc.sql("INSERT INTO user_totp (user_id, secret, enrolled_at) VALUES (:id, :secret, CURRENT_TIMESTAMP)")
                    .param("id", userId).param("secret", TOTP_SECRET).update();
        }
    }
}
