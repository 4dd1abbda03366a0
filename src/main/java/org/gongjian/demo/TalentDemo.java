package org.gongjian.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.gongjian.campaign.TaskView;
import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
import org.gongjian.identity.UserService;
import org.gongjian.org.OrgService;
import org.gongjian.org.UnitView;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.DemoMode;
import org.gongjian.shared.PageQuery;
import org.gongjian.talent.Degree;
import org.gongjian.talent.PolicyCommand;
import org.gongjian.talent.PolicyService;
import org.gongjian.talent.PolicyView;
import org.gongjian.talent.Rating;
import org.gongjian.talent.RequestAction;
import org.gongjian.talent.RequestService;
import org.gongjian.talent.RequestView;
import org.gongjian.talent.TalentCommand;
import org.gongjian.talent.TalentFeeds;
import org.gongjian.talent.TalentService;
import org.gongjian.talent.TalentSource;
import org.gongjian.talent.TalentView;
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
 * 人才改革攻坚行动 for the demo county, through the talent module's services: the talent office (rencaiban) and the
 * housing bureau's head (zhujian), six policies, two dozen talents (a returned PhD among them), a handful of requests
 * in every state, and the drive as a campaign whose indicators the desk feeds. Runs once, when its tables are empty.
 */
@Component
@Order(30)
class TalentDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TalentDemo.class);
    private static final String COUNTY = "P01C01K01";
    private static final String[] FIELDS = {"新材料", "生物医药", "装备制造", "电子信息", "现代农业", "文化旅游"};
    private static final String[] NAMES = {"周明远", "吴雪梅", "郑浩然", "王思琪", "冯立新", "陈雨桐", "褚建华", "卫晓岚",
            "蒋志成", "沈一鸣", "韩秀云", "杨启航", "朱晨曦", "秦文博", "尤佳慧", "许国栋", "何静怡", "吕天宇", "施嘉禾",
            "张若溪", "孔德明", "曹一帆", "严书航"};

    private final OrgService org;
    private final UserService users;
    private final TalentService talents;
    private final PolicyService policies;
    private final RequestService requests;
    private final TalentFeeds feeds;
    private final DemoTalentDrive drive;
    private final PasswordEncoder encoder;
    private final TransactionTemplate transactions;
    private final Environment env;
    private final Clock clock;

    TalentDemo(OrgService org, UserService users, TalentService talents, PolicyService policies, RequestService requests,
               TalentFeeds feeds, DemoTalentDrive drive, PasswordEncoder encoder, TransactionTemplate transactions,
               Environment env, Clock clock) {
        this.org = org;
        this.users = users;
        this.talents = talents;
        this.policies = policies;
        this.requests = requests;
        this.feeds = feeds;
        this.drive = drive;
        this.encoder = encoder;
        this.transactions = transactions;
        this.env = env;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoMode.isOn(env)) {
            return;
        }
        UnitView county = org.unitByCode(COUNTY).orElse(null);
        if (county == null) {
            return;
        }
        DataScope scope = DataScope.of(county.id(), county.path());
        if (talents.talents(null, null, null, null, null, scope, PageQuery.of(0, 1)).total() > 0) {
            return;
        }
        transactions.executeWithoutResult(status -> load(county, scope));
    }

    private void load(UnitView county, DataScope scope) {
        String hash = encoder.encode(DemoLoader.DEMO_PASSWORD);
        UnitView housing = unit(COUNTY + "D20");
        if (!users.exists("rencaiban")) {
            users.createPrehashed("rencaiban", hash, null, county.id(), EnumSet.of(Role.TALENT_OFFICE));
        }
        if (!users.exists("zhujian")) {
            users.createPrehashed("zhujian", hash, null, housing.id(), EnumSet.of(Role.UNIT_HEAD));
        }
        CurrentUser office = users.asCurrentUser("rencaiban").orElseThrow();
        CurrentUser head = users.asCurrentUser("zhujian").orElseThrow();
        DataScope housingScope = DataScope.of(housing.id(), housing.path());
        LocalDate today = LocalDate.now(clock);
        List<PolicyView> catalogue = policies(office, scope, housing);
        List<TalentView> registered = talents(office, scope, today);
        PolicyView subsidy = catalogue.get(0);
        PolicyView apartment = catalogue.get(1);
        // the returned PhD's housing subsidy: done and rated; others in progress, waiting for documents, new
        RequestView phd = requests.open(registered.get(0).id(), subsidy.id(), "已签购房合同，申请博士安家补贴", office, scope);
        phd = requests.act(phd.id(), phd.version(), RequestAction.START, null, head, housingScope);
        phd = requests.act(phd.id(), phd.version(), RequestAction.COMPLETE, null, head, housingScope);
        requests.rate(phd.id(), phd.version(), Rating.SATISFIED, "材料一次告知，办理很快", office, scope);
        RequestView second = requests.open(registered.get(1).id(), apartment.id(), null, office, scope);
        second = requests.act(second.id(), second.version(), RequestAction.START, null, head, housingScope);
        requests.act(second.id(), second.version(), RequestAction.ASK_DOCUMENTS, "请补交劳动合同复印件", head, housingScope);
        RequestView third = requests.open(registered.get(2).id(), apartment.id(), null, office, scope);
        requests.act(third.id(), third.version(), RequestAction.START, null, head, housingScope);
        requests.open(registered.get(3).id(), catalogue.get(2).id(), "孩子九月入学", office, scope);
        TaskView service = drive.load(county, scope, office, today);
        feeds.run();
        log.info("Demo talent drive: {} policies, {} talents, 4 requests, campaign task {}", catalogue.size(),
                registered.size(), service.id());
    }

    private List<PolicyView> policies(CurrentUser office, DataScope scope, UnitView housing) {
        long education = unit(COUNTY + "D10").id();
        long science = unit(COUNTY + "D11").id();
        long labour = unit(COUNTY + "D17").id();
        return List.of(
                policies.create(new PolicyCommand("博士安家补贴", "安家补贴", housing.id(), List.of("A", "B", "C"), List.of(),
                        Degree.DOCTOR, 3, new BigDecimal("200000"), "在本县全职工作的博士购买首套住房，一次性发放安家补贴20万元",
                        List.of("学位证书", "劳动合同", "购房合同", "身份证"), 10), office, scope),
                policies.create(new PolicyCommand("人才公寓租住", "住房", housing.id(), List.of(), List.of(), Degree.BACHELOR, 5,
                        null, "引进人才可申请人才公寓，前三年免租金", List.of("劳动合同", "无房证明"), 15), office, scope),
                policies.create(new PolicyCommand("子女入学安排", "子女入学", education, List.of("A", "B", "C"), List.of(), null,
                        null, null, "按意愿就近安排子女在公办学校入学", List.of("户口簿", "出生证明"), 10), office, scope),
                policies.create(new PolicyCommand("配偶就业安置", "配偶安置", labour, List.of("A", "B"), List.of(), null, 5, null,
                        "配偶随迁的，对口安排就业或发放就业补贴", List.of("结婚证", "配偶原单位证明"), 20), office, scope),
                policies.create(new PolicyCommand("科研启动经费", "科研经费", science, List.of("A", "B"), List.of("新材料",
                        "生物医药", "电子信息"), Degree.MASTER, 3, new BigDecimal("500000"), "一次性资助科研启动经费最高50万元",
                        List.of("项目申报书", "单位推荐意见"), 30), office, scope),
                policies.create(new PolicyCommand("创业扶持", "创业扶持", labour, List.of(), List.of(), null, 5,
                        new BigDecimal("300000"), "人才创办企业给予贴息贷款和场地租金补贴", List.of("营业执照", "创业计划书"), 20),
                        office, scope));
    }

    private List<TalentView> talents(CurrentUser office, DataScope scope, LocalDate today) {
        long[] units = {unit(COUNTY + "T01").id(), unit(COUNTY + "T02").id(), unit(COUNTY + "T03").id(),
                unit(COUNTY).id()};
        List<TalentView> registered = new java.util.ArrayList<>();
        registered.add(talents.create(new TalentCommand(units[0], "林海燕", "新材料", "B", Degree.DOCTOR, "研究员",
                "示范新材料研究院", today.minusMonths(3).withDayOfMonth(1), TalentSource.INTRODUCED, "13812345678",
                "110101199001011234", "示范县城关镇幸福路8号3单元"), office, scope));
        Degree[] degrees = {Degree.DOCTOR, Degree.MASTER, Degree.MASTER, Degree.BACHELOR, Degree.BACHELOR, Degree.COLLEGE};
        String[] tiers = {"A", "B", "C", "C", "D", "D"};
        for (int i = 0; i < NAMES.length; i++) {
            LocalDate introduced = today.minusMonths(i % 11).withDayOfMonth(1 + (i * 3) % 27);
            TalentSource source = i % 4 == 3 ? TalentSource.LOCAL : TalentSource.INTRODUCED;
            registered.add(talents.create(new TalentCommand(units[i % units.length], NAMES[i], FIELDS[i % FIELDS.length],
                    tiers[i % tiers.length], degrees[i % degrees.length], i % 3 == 0 ? "高级工程师" : null,
                    "示范" + FIELDS[i % FIELDS.length] + "公司", introduced.isAfter(today) ? today : introduced, source,
                    "139%08d".formatted(10_000_000 + i * 7_919), null, null), office, scope));
        }
        return registered;
    }

    private UnitView unit(String code) {
        return org.unitByCode(code).orElseThrow();
    }
}
