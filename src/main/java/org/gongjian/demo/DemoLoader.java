package org.gongjian.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gongjian.identity.UserService;
import org.gongjian.org.OrgService;
import org.gongjian.org.PersonCommand;
import org.gongjian.org.UnitCommand;
import org.gongjian.org.UnitKind;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo into an <em>empty</em> database on start (when demo mode is on) and prints the demo logins.
 * Writes go through the modules' APIs, so the demo obeys the same rules and audit as real data.
 */
@Component
@Order(10)
class DemoLoader implements ApplicationRunner {

    /** Only ever used for demo accounts; demo mode is off on PostgreSQL unless forced. */
    static final String DEMO_PASSWORD = "Gongjian@2026";

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    private final OrgService org;
    private final UserService users;
    private final DemoCampaign campaign;
    private final DemoPledges pledges;
    private final DemoReports reports;
    private final org.gongjian.supervision.LightEvaluation lights;
    private final AssessmentDemo assessment;
    private final org.gongjian.briefing.document.BriefingDemo briefing;
    private long firstPledge = -1;
    private final java.time.Clock clock;
    private final PasswordEncoder encoder;
    private final TransactionTemplate transactions;
    private final Environment env;

    DemoLoader(OrgService org, UserService users, DemoCampaign campaign, DemoPledges pledges, DemoReports reports,
               org.gongjian.supervision.LightEvaluation lights, PasswordEncoder encoder,
               TransactionTemplate transactions, Environment env, java.time.Clock clock, AssessmentDemo assessment,
               org.gongjian.briefing.document.BriefingDemo briefing) {
        this.assessment = assessment;
        this.briefing = briefing;
        this.org = org;
        this.users = users;
        this.campaign = campaign;
        this.pledges = pledges;
        this.reports = reports;
        this.lights = lights;
        this.clock = clock;
        this.encoder = encoder;
        this.transactions = transactions;
        this.env = env;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoMode.isOn(env)) {
            return;
        }
        DemoPlan plan = plan();
        if (org.topUnits(DataScope.everything()).isEmpty()) {
            load(plan);
        }
        printLogins(plan.users());
    }

    private DemoPlan plan() {
        return DemoGenerator.generate(seed(env),
                DemoScale.valueOf(env.getProperty("gongjian.demo.scale", "COUNTY").toUpperCase(java.util.Locale.ROOT)));
    }

    /** Loads the demo plan (the start-up run does it on an empty database; browser tests on their shared one). */
    void load() {
        load(plan());
    }

    private void load(DemoPlan plan) {
        long started = System.nanoTime();
        Integer tasks = transactions.execute(status -> load(plan, seed(env)));
        if (firstPledge > 0) {
            pledges.sign(firstPledge, DEMO_PASSWORD);
        }
        log.info("Loaded the demo: {} units, {} cadres, {} users, {} tasks in {} ms", plan.units().size(),
                plan.people().size(), plan.users().size(), tasks, (System.nanoTime() - started) / 1_000_000);
    }

    private static long seed(Environment env) {
        return env.getProperty("gongjian.demo.seed", Long.class, 20260101L);
    }

    /** @return the number of demo tasks */
    int load(DemoPlan plan, long seed) {
        Map<String, Long> unitIds = new HashMap<>();
        Map<Long, String> unitNames = new HashMap<>();
        for (DemoPlan.Unit unit : plan.units()) {
            Long parent = unit.parentCode() == null ? null : unitIds.get(unit.parentCode());
            long id = org.createUnit(new UnitCommand(unit.name(), unit.kind(), parent, unit.code()), DataScope.everything()).id();
            unitIds.put(unit.code(), id);
            unitNames.put(id, unit.name());
        }
        Map<String, Long> personIds = new HashMap<>();
        for (DemoPlan.Person person : plan.people()) {
            long id = org.createPerson(new PersonCommand(person.name(), person.gender(), unitIds.get(person.unitCode()),
                    person.position(), person.deputy(), person.since()), DataScope.everything()).id();
            personIds.put(person.key(), id);
        }
        String hash = encoder.encode(DEMO_PASSWORD);
        for (DemoPlan.User user : plan.users()) {
            if (!users.exists(user.username())) {
                users.createPrehashed(user.username(), hash,
                        user.personKey() == null ? null : personIds.get(user.personKey()),
                        user.scopeUnitCode() == null ? null : unitIds.get(user.scopeUnitCode()), user.roles());
            }
        }
        long t0 = System.nanoTime();
        int tasks = campaign.load(seed, unitIds, unitNames, personIds, "P01C01K01", java.time.LocalDate.now(clock));
        List<Long> townships = plan.units().stream().filter(u -> u.kind() == UnitKind.TOWNSHIP)
                .filter(u -> u.code().startsWith("P01C01K01")).map(u -> unitIds.get(u.code())).toList();
        firstPledge = pledges.load(campaign.campaignId(), townships);
        Map<Long, String> liaisons = new HashMap<>();
        liaisons.put(unitIds.get("P01C01K01T01"), "lianluo");
        liaisons.put(unitIds.get("P01C01K01T02"), "lianluo2");
        long t1 = System.nanoTime();
        int reported = reports.load(campaign.campaignId(), seed, liaisons, java.time.LocalDate.now(clock));
        long t2 = System.nanoTime();
        // The office opens a lit list on first login instead of waiting for the 06:30 run, with the light history
        // of the reported months behind it (weekly, as the daily run would have left it), so "days red" means something.
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        for (java.time.LocalDate day = today.minusMonths(DemoReports.MONTHS); day.isBefore(today); day = day.plusWeeks(1)) {
            lights.evaluateCampaign(campaign.campaignId(), day);
        }
        lights.evaluateCampaign(campaign.campaignId(), today);
        long t3 = System.nanoTime();
        int rankings = assessment.load(campaign.campaignId(), java.time.LocalDate.now(clock));
        log.info("Demo assessment: {} rankings published in {} ms", rankings, (System.nanoTime() - t3) / 1_000_000);
        // the briefing comes after the rankings, so its 红榜/黑榜 show the published month
        briefing.publish(campaign.campaignId(), "duchashi");
        log.info("Demo campaign and pledges {} ms, {} reports {} ms, lights {} ms", (t1 - t0) / 1_000_000, reported,
                (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
        return tasks;
    }

    private void printLogins(List<DemoPlan.User> demoUsers) {
        StringBuilder text = new StringBuilder("\n\n  Gongjian 攻坚 demo — http://localhost:")
                .append(env.getProperty("local.server.port", env.getProperty("server.port", "8080")))
                .append("\n  演示账号 (password / 密码: ").append(DEMO_PASSWORD).append(")\n");
        for (DemoPlan.User user : demoUsers) {
            text.append("    %-10s %-20s %s%n".formatted(user.username(), user.roles(), user.description()));
        }
        log.info(text.toString());
    }
}
