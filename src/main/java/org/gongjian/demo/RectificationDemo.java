package org.gongjian.demo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.UserService;
import org.gongjian.org.OrgService;
import org.gongjian.org.UnitView;
import org.gongjian.rectification.MeasureCommand;
import org.gongjian.rectification.ProblemCommand;
import org.gongjian.rectification.ProblemService;
import org.gongjian.rectification.ProblemSource;
import org.gongjian.rectification.ProblemView;
import org.gongjian.rectification.RectificationChase;
import org.gongjian.rectification.Severity;
import org.gongjian.report.EvidenceService;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.DemoMode;
import org.gongjian.supervision.NoticeCommand;
import org.gongjian.supervision.NoticeLevel;
import org.gongjian.supervision.NoticeService;
import org.gongjian.supervision.NoticeView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 问题整改 for the demo county: 城关镇's self-inspection ledger in the 城市社区治理 area with the seed's three gaps of
 * community governance the epidemic exposed — one signed off by the town head, one overdue (and urged by the rules),
 * one reopened — and two problems opened from supervision notices the office issues on 城关镇's tasks. Loaded through
 * the public services, after the rest of the demo, only into an empty ledger.
 * <p>
 * 城关镇 leads no 城市社区治理 task in the demo campaign (the area's tasks are led by county departments), so its
 * ledger hangs on the area's task 城市社区网格化管理; the office records the ledger the township handed in (source 自查),
 * since a township user cannot reference a department's task.
 */
@Component
@Order(25)
class RectificationDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RectificationDemo.class);
    static final String TOWNSHIP = "P01C01K01T01";
    static final String AREA_TASK = "城市社区网格化管理";

    private final ProblemService problems;
    private final RectificationChase chase;
    private final NoticeService notices;
    private final CampaignService campaigns;
    private final TaskService tasks;
    private final OrgService org;
    private final UserService users;
    private final EvidenceService evidence;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Environment env;

    RectificationDemo(ProblemService problems, RectificationChase chase, NoticeService notices,
                      CampaignService campaigns, TaskService tasks, OrgService org, UserService users,
                      EvidenceService evidence, PlatformTransactionManager transactions, Clock clock, Environment env) {
        this.problems = problems;
        this.chase = chase;
        this.notices = notices;
        this.campaigns = campaigns;
        this.tasks = tasks;
        this.org = org;
        this.users = users;
        this.evidence = evidence;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.env = env;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoMode.isOn(env)) {
            return;
        }
        Optional<UnitView> township = org.unitByCode(TOWNSHIP);
        Optional<CurrentUser> office = users.asCurrentUser("duchashi");
        Optional<CurrentUser> head = users.asCurrentUser("zhenzhang");
        Optional<CurrentUser> liaison = users.asCurrentUser("lianluo");
        if (township.isEmpty() || office.isEmpty() || head.isEmpty() || liaison.isEmpty() || !problems.noneRecorded()) {
            return;
        }
        DataScope county = org.scopeOf(office.get().scopeUnitId()).orElseThrow();
        Optional<CampaignView> campaign = campaigns.campaigns(county).stream().findFirst();
        if (campaign.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        Integer loaded = tx.execute(status -> load(campaign.get(), township.get(), office.get(), head.get(),
                liaison.get(), county, today));
        int urged = chase.run(today);
        log.info("Demo rectification: {} problems, {} overdue measures urged", loaded, urged);
    }

    private int load(CampaignView campaign, UnitView township, CurrentUser office, CurrentUser head,
                     CurrentUser liaison, DataScope county, LocalDate today) {
        DataScope town = org.scopeOf(township.id()).orElseThrow();
        Long area = tasks.tasksForEvaluation(campaign.id()).stream().filter(t -> t.title().equals(AREA_TASK))
                .map(TaskView::id).findFirst().orElse(null);
        LocalDate found = today.minusDays(90);

        // 1. 党的领导不到位 — fixed, accepted and signed off by the town head
        ProblemView leadership = problems.create(new ProblemCommand(campaign.id(), township.id(), ProblemSource.SELF,
                "党建引领", "疫情防控暴露出部分社区党组织领导作用发挥不到位，“大党委”共驻共建流于形式，驻区单位和党员参与社区治理不充分",
                Severity.MINOR, found, area, null, List.of(new MeasureCommand(
                "建立社区“大党委”联席会议制度，驻区单位党组织负责人任兼职委员", null, "城关镇党委组织委员",
                today.minusDays(30), "每个社区每季度至少召开一次联席会议，形成共建项目清单"))), office, county);
        report(leadership, liaison, town, township.id(), "9个社区均已成立“大党委”，吸纳驻区单位23家，已召开首次联席会议并形成共建项目清单", 1);
        problems.judge(leadership.id(), leadership.measures().get(0).id(), true, "会议纪要和照片齐全，同意验收", head, town);
        problems.signOff(leadership.id(), null, "联席会议制度已建立并运行，共建项目清单已落实到位", head, town);

        // 2. 机制不完善 — overdue: nothing reported by its deadline, the rules urge the town
        problems.create(new ProblemCommand(campaign.id(), township.id(), ProblemSource.SELF, "机制建设",
                "社区应急处置机制不健全，疫情期间社区与卫健、公安、物业之间联防联控衔接不畅，信息报送多头重复",
                Severity.SERIOUS, found, area, null, List.of(new MeasureCommand(
                "制定社区突发事件应急处置预案，建立社区与部门、物业的联动机制和统一信息报送渠道", null, "城关镇副镇长",
                today.minusDays(10), "各社区预案印发并完成一次联合演练"))), office, county);

        // 3. 人手不足 — signed off by the office, then came back (反弹) and is being fixed again
        ProblemView staff = problems.create(new ProblemCommand(campaign.id(), township.id(), ProblemSource.SELF,
                "队伍建设", "社区工作力量不足，平均每名社区工作者服务居民超过800人，疫情期间只能依靠临时抽调",
                Severity.MINOR, found, area, null, List.of(new MeasureCommand(
                "公开招聘社区工作者，按每万城镇常住人口不少于18人配齐", null, "城关镇党委副书记",
                today.minusDays(45), "新招聘社区工作者到岗，配备比例达标"))), office, county);
        report(staff, liaison, town, township.id(), "已公开招聘社区工作者36名并全部到岗，配备比例达到每万人18.5名", 2);
        problems.judge(staff.id(), staff.measures().get(0).id(), true, "到岗名单与照片已核实", office, county);
        problems.signOff(staff.id(), null, "招聘到位，配备比例达标", office, county);
        problems.reopen(staff.id(), null, "回访发现新招聘社区工作者已流失9人，部分社区配备比例重新跌破标准", office, county);
        problems.addMeasure(staff.id(), new MeasureCommand("落实社区工作者薪酬待遇和职业发展“三岗十八级”体系，递补流失人员",
                null, "城关镇党委副书记", today.plusDays(45), "流失岗位全部递补，半年内流失率低于5%"), head, town);

        // two problems opened from supervision notices on 城关镇's tasks
        int fromNotices = 0;
        for (TaskView t : tasks.tasksLedBy(campaign.id(), township.id(), county)) {
            if (fromNotices == 2) {
                break;
            }
            NoticeView notice = notices.create(new NoticeCommand(t.id(), township.id(),
                    fromNotices == 0 ? NoticeLevel.URGE : NoticeLevel.SUPERVISE,
                    fromNotices == 0 ? "督查发现“" + t.title() + "”进度滞后于计划，部分村组尚未开工，请说明原因并制定整改措施。"
                            : "督查发现“" + t.title() + "”台账资料不全、佐证材料与实际不符，请限期整改并报送整改报告。",
                    today.plusDays(5)), office, county);
            ProblemCommand draft = problems.draftFromNotice(notice.id(), county);
            problems.create(new ProblemCommand(draft.campaignId(), draft.unitId(), draft.source(), draft.category(),
                    draft.description(), draft.severity(), draft.foundOn(), draft.taskId(), draft.noticeId(),
                    List.of(new MeasureCommand(fromNotices == 0 ? "倒排工期，增派施工队伍，每周调度一次进度"
                            : "逐村核对台账和佐证材料，补齐缺失资料", null, "城关镇分管副镇长", today.plusDays(20),
                            fromNotices == 0 ? "进度追上计划" : "台账与实际一致，资料齐全"))), office, county);
            fromNotices++;
        }
        return 3 + fromNotices;
    }

    private void report(ProblemView p, CurrentUser liaison, DataScope town, long unitId, String text, int seed) {
        long photo = evidence.upload(unitId, "整改现场" + seed + ".png", new ByteArrayInputStream(picture(seed)), town).id();
        problems.reportProgress(p.id(), p.measures().get(0).id(), text, List.of(photo), liaison, town);
    }

    /** A small picture for the demo's evidence (drawn, so the demo needs no files). */
    private static byte[] picture(int seed) {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(320, 240,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(0x2F6F4F ^ (seed * 4099)));
        g.fillRect(0, 0, 320, 240);
        g.setColor(new java.awt.Color(0xC53030));
        g.fillRect(20, 20, 120, 60);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
