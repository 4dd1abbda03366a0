package org.gongjian.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;

import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.deployment.BatchCommand;
import org.gongjian.deployment.BatchView;
import org.gongjian.deployment.DeploymentCommand;
import org.gongjian.deployment.DeploymentKind;
import org.gongjian.deployment.DeploymentService;
import org.gongjian.deployment.DeploymentView;
import org.gongjian.deployment.RotationCommand;
import org.gongjian.deployment.RotationService;
import org.gongjian.deployment.RotationView;
import org.gongjian.deployment.StudyTourCommand;
import org.gongjian.deployment.StudyTourService;
import org.gongjian.deployment.StudyTourView;
import org.gongjian.deployment.WorkLogCommand;
import org.gongjian.deployment.WorkLogService;
import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
import org.gongjian.identity.UserService;
import org.gongjian.org.OrgService;
import org.gongjian.org.PersonView;
import org.gongjian.org.UnitKind;
import org.gongjian.org.UnitView;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.DemoMode;
import org.gongjian.shared.PageQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * 三下沉, 交流轮岗, 考察学习 for the demo county, loaded through the deployment module's services (same rules, same
 * audit): a 驻村 batch with about three months of work logs (some cadres short of days, ganbu among those on
 * site), two departments sunk to townships, one completed rotation with its handover signed by both (two demo users
 * added for them: lungang, jieren), and a tour to 江浙 with two findings, one turned into a task. Runs once, after
 * DemoLoader, only when the demo county exists and no batch does.
 */
@Component
@Order(20)
class DeploymentDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DeploymentDemo.class);
    static final String COUNTY = "P01C01K01";

    private final DeploymentService deployments;
    private final WorkLogService logs;
    private final RotationService rotations;
    private final StudyTourService tours;
    private final OrgService org;
    private final UserService users;
    private final TaskService tasks;
    private final CampaignService campaigns;
    private final PasswordEncoder encoder;
    private final Environment env;
    private final Clock clock;

    DeploymentDemo(DeploymentService deployments, WorkLogService logs, RotationService rotations, StudyTourService tours,
                   OrgService org, UserService users, TaskService tasks, CampaignService campaigns,
                   PasswordEncoder encoder, Environment env, Clock clock) {
        this.deployments = deployments;
        this.logs = logs;
        this.rotations = rotations;
        this.tours = tours;
        this.org = org;
        this.users = users;
        this.tasks = tasks;
        this.campaigns = campaigns;
        this.encoder = encoder;
        this.env = env;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoMode.isOn(env)) {
            return;
        }
        Optional<UnitView> county = org.unitByCode(COUNTY);
        if (county.isEmpty() || !deployments.batches(DataScope.everything()).isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        int logged = load(county.get());
        log.info("Demo deployment: {} work logs, a rotation and a study tour in {} ms", logged,
                (System.nanoTime() - started) / 1_000_000);
    }

    int load(UnitView county) {
        DataScope scope = org.scopeOf(county.id()).orElseThrow();
        CurrentUser office = new CurrentUser(0, "zuzhibu", null, county.id(), EnumSet.of(Role.ORG_DEPT));
        LocalDate today = LocalDate.now(clock);
        LocalDate start = YearMonth.from(today).minusMonths(2).atDay(1);
        BatchView batch = deployments.createBatch(new BatchCommand(start.getYear() + "年第一批驻村干部",
                DeploymentKind.CADRE_TO_VILLAGE, county.id(), start, start.plusYears(1).minusDays(1), 15), office, scope);
        List<DeploymentView> stationed = new ArrayList<>();
        Long ganbu = users.asCurrentUser("ganbu").map(CurrentUser::personId).orElse(null);
        UnitView townshipA = unit(COUNTY + "T01");
        if (ganbu != null) {
            stationed.add(deployments.create(batch.id(), new DeploymentCommand(ganbu, townshipA.id(), unit(COUNTY + "T01V01").id(),
                    null, null, "驻村第一书记：产业帮扶、人居环境整治", leaderOf(townshipA), tasksOf(townshipA, 2),
                    new BigDecimal("34.746600"), new BigDecimal("113.625400")), office, scope));
        }
        List<PersonView> deputies = departmentDeputies(scope);
        for (int i = 0; i < 6 && i < deputies.size(); i++) {
            PersonView p = deputies.get(i);
            UnitView village = unit(COUNTY + "T%02dV%02d".formatted(i % 4 + 1, i / 4 + 2));
            boolean located = i % 2 == 0;
            stationed.add(deployments.create(batch.id(), new DeploymentCommand(p.id(), null, village.id(), null, null,
                    "驻村工作队员：矛盾调处、政策宣讲", null, List.of(), located ? new BigDecimal("34.7" + i) : null,
                    located ? new BigDecimal("113.6" + i) : null), office, scope));
        }
        int logged = 0;
        for (int i = 0; i < stationed.size(); i++) {
            DeploymentView d = stationed.get(i);
            int lastDay = i % 3 == 2 ? 10 : 20; // every third cadre falls short (9 days a month against 18)
            CurrentUser cadre = new CurrentUser(0, i == 0 ? "ganbu" : "xiachen", d.personId(), d.targetUnitId(), EnumSet.of(Role.CADRE));
            for (LocalDate day = start; !day.isAfter(today); day = day.plusDays(1)) {
                if (day.getDayOfMonth() <= lastDay && day.getDayOfMonth() % 7 != 0) {
                    logs.create(new WorkLogCommand(d.id(), day, null, WORK[(day.getDayOfMonth() + i) % WORK.length],
                            d.tasks().isEmpty() ? null : d.tasks().get(0).id(), "村“两委”成员、脱贫户代表", List.of()), cadre);
                    logged++;
                }
            }
        }
        if (!stationed.isEmpty() && ganbu != null) {
            CurrentUser cadre = users.asCurrentUser("ganbu").orElseThrow();
            long photo = logs.uploadPhoto(stationed.get(0).id(), "村道整治现场.jpg", new ByteArrayInputStream(jpeg()), cadre).id();
            logs.create(new WorkLogCommand(stationed.get(0).id(), today, null, "查看村道硬化施工进度，协调解决占道问题",
                    null, "施工队负责人、村民代表", List.of(photo)), cadre);
            logged++;
        }
        deptToTownship(county, office, scope, start);
        rotation(office, scope, today);
        studyTour(office, scope, today);
        return logged;
    }

    private static final String[] WORK = {"走访脱贫户，核实“两不愁三保障”情况", "召开村“两委”会议，研究产业项目",
            "排查矛盾纠纷，调处宅基地争议", "宣讲惠民政策，收集群众诉求", "督促人居环境整治，检查垃圾清运"};

    private void deptToTownship(UnitView county, CurrentUser office, DataScope scope, LocalDate start) {
        BatchView batch = deployments.createBatch(new BatchCommand(start.getYear() + "年部门包联乡镇",
                DeploymentKind.DEPT_TO_TOWNSHIP, county.id(), start, start.plusYears(1).minusDays(1), 4), office, scope);
        for (int i = 0; i < 2; i++) {
            UnitView dept = unit(COUNTY + "D%02d".formatted(i + 2));
            UnitView township = unit(COUNTY + "T%02d".formatted(i + 1));
            deployments.create(batch.id(), new DeploymentCommand(null, dept.id(), township.id(), null, null,
                    dept.name() + "包联" + township.name() + "：招商引资与项目建设", leaderOf(township), tasksOf(township, 3),
                    null, null), office, scope);
        }
    }

    /** A deputy who leads tasks hands them to a department deputy; both sign the handover list. */
    private void rotation(CurrentUser office, DataScope scope, LocalDate today) {
        PersonView outgoing = null;
        for (CampaignView c : campaigns.campaigns(scope)) {
            for (TaskView t : tasks.tasksForEvaluation(c.id())) {
                if (outgoing == null && t.leadLeaderId() != null) {
                    PersonView p = org.personUnscoped(t.leadLeaderId()).orElse(null);
                    // a township or department deputy who leads a task; the demo's leaders are mostly county deputies
                    if (p != null && p.deputy() && org.unit(p.unitId(), scope).kind() != UnitKind.COUNTY) {
                        outgoing = p;
                    }
                }
            }
        }
        List<PersonView> deputies = departmentDeputies(scope);
        if (outgoing == null) {
            outgoing = anyDeputyLeadingATask(scope);
        }
        PersonView from = outgoing;
        PersonView successor = deputies.stream().skip(7).filter(p -> from != null && p.id() != from.id()).findFirst().orElse(null);
        if (outgoing == null || successor == null) {
            log.warn("Demo rotation skipped: no deputy leads a task, or too few department deputies");
            return;
        }
        String hash = encoder.encode(DemoLoader.DEMO_PASSWORD);
        users.createPrehashed("lungang", hash, outgoing.id(), outgoing.unitId(), EnumSet.of(Role.CADRE));
        users.createPrehashed("jieren", hash, successor.id(), successor.unitId(), EnumSet.of(Role.CADRE));
        RotationView r = rotations.draft(new RotationCommand(outgoing.id(), successor.id(), successor.unitId(),
                successor.position(), true, today, "副职交流轮岗（任职满三年）"), office, scope);
        Long mayor = users.asCurrentUser("lingdao").map(CurrentUser::personId).orElse(null);
        CurrentUser leader = new CurrentUser(0, "lingdao", mayor, scope.unitId(), EnumSet.of(Role.LEADER));
        rotations.approve(r.id(), leader, scope);
        rotations.execute(r.id(), office, scope);
        rotations.sign(r.id(), DemoLoader.DEMO_PASSWORD, users.asCurrentUser("lungang").orElseThrow(), null, scope);
        rotations.sign(r.id(), DemoLoader.DEMO_PASSWORD, users.asCurrentUser("jieren").orElseThrow(), null, scope);
    }

    private void studyTour(CurrentUser office, DataScope scope, LocalDate today) {
        List<Long> heads = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            UnitView township = unit(COUNTY + "T%02d".formatted(i));
            org.people(township.id(), false, null, scope, new PageQuery(0, 10)).items().stream()
                    .filter(p -> !p.deputy()).findFirst().ifPresent(p -> heads.add(p.id()));
        }
        if (heads.isEmpty()) {
            return;
        }
        StudyTourView tour = tours.create(new StudyTourCommand("乡镇党政正职赴江浙考察学习", "江浙", "改革创新",
                today.minusDays(40), today.minusDays(34), heads), office, scope);
        tour = tours.report(tour.id(), heads.get(0), new StudyTourCommand.Report(
                "考察了浙江“最多跑一次”改革和安吉美丽乡村建设，体会到以群众满意为导向、以数字化为抓手的工作方法。",
                List.of(new StudyTourCommand.FindingInput("浙江乡镇便民服务中心“一窗受理、集成服务”", "在乡镇便民服务中心推行“一窗通办”",
                                "全县各乡镇"),
                        new StudyTourCommand.FindingInput("安吉村集体组建强村公司经营闲置资源", "试点组建村级强村公司", "城关镇"))),
                office, scope);
        CampaignView campaign = campaigns.campaigns(scope).get(0);
        UnitView lead = org.personUnscoped(heads.get(0)).map(p -> unit(p.unitId())).orElseThrow();
        LocalDate due = campaign.endDate().isBefore(today.plusMonths(3)) ? campaign.endDate() : today.plusMonths(3);
        tours.adopt(tour.findings().get(0).id(), new StudyTourCommand.Adoption(campaign.id(), null, "改革创新", lead.id(),
                heads.get(0), due), office, scope);
    }

    private @org.jspecify.annotations.Nullable PersonView anyDeputyLeadingATask(DataScope scope) {
        for (CampaignView c : campaigns.campaigns(scope)) {
            for (TaskView t : tasks.tasksForEvaluation(c.id())) {
                PersonView p = t.leadLeaderId() == null ? null : org.personUnscoped(t.leadLeaderId()).orElse(null);
                if (p != null && p.deputy()) {
                    return p;
                }
            }
        }
        return null;
    }

    private List<PersonView> departmentDeputies(DataScope scope) {
        List<PersonView> deputies = new ArrayList<>();
        for (int d = 1; d <= 30 && deputies.size() < 10; d++) {
            Optional<UnitView> dept = org.unitByCode(COUNTY + "D%02d".formatted(d));
            dept.ifPresent(u -> org.people(u.id(), false, null, scope, new PageQuery(0, 10)).items().stream()
                    .filter(PersonView::deputy).findFirst().ifPresent(deputies::add));
        }
        return deputies;
    }

    private Long leaderOf(UnitView unit) {
        return org.people(unit.id(), false, null, DataScope.everything(), new PageQuery(0, 10)).items().stream()
                .filter(p -> !p.deputy()).map(PersonView::id).findFirst().orElse(null);
    }

    private List<Long> tasksOf(UnitView unit, int n) {
        List<Long> ids = new ArrayList<>();
        for (CampaignView c : campaigns.campaigns(DataScope.everything())) {
            tasks.tasksLedBy(c.id(), unit.id(), DataScope.everything()).stream().limit(n - ids.size()).forEach(t -> ids.add(t.id()));
        }
        return ids;
    }

    private UnitView unit(String code) {
        return org.unitByCode(code).orElseThrow(() -> new IllegalStateException("demo unit " + code + " missing"));
    }

    private UnitView unit(long id) {
        return org.unit(id, DataScope.everything());
    }

    /** A plain JPEG without EXIF (as a screenshot or a forwarded picture would be): flagged "照片无拍摄时间". */
    private static byte[] jpeg() {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x6B8E23));
        g.fillRect(0, 0, 320, 240);
        g.setColor(new Color(0x8B8B83));
        g.fillRect(0, 150, 320, 50);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "jpeg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
