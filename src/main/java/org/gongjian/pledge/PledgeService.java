package org.gongjian.pledge;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.identity.CurrentUser;
import org.gongjian.org.OrgService;
import org.gongjian.org.UnitView;
import org.gongjian.pledge.PledgeStore.PledgeRecord;
import org.gongjian.pledge.PledgeStore.SignatureRecord;
import org.gongjian.pledge.PledgeStore.VersionRecord;
import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.Conflict;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 军令状: generate from the unit's tasks, sign (unit head first, then the issuer, each re-entering the password),
 * freeze, amend in a new version, verify the hash chain, judge fulfilment.
 */
@Service
@Transactional
public class PledgeService {

    private final PledgeStore pledges;
    private final CampaignService campaigns;
    private final TaskService tasks;
    private final OrgService org;
    private final PledgeSigning signing;
    private final PledgeFulfilment fulfilment;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PledgeChain chain;

    PledgeService(PledgeStore pledges, CampaignService campaigns, TaskService tasks, OrgService org,
                  PledgeSigning signing, PledgeFulfilment fulfilment, ApplicationEventPublisher events, Clock clock,
                  PledgeChain chain) {
        this.chain = chain;
        this.pledges = pledges;
        this.campaigns = campaigns;
        this.tasks = tasks;
        this.org = org;
        this.signing = signing;
        this.fulfilment = fulfilment;
        this.events = events;
        this.clock = clock;
    }

    public record Terms(@Nullable String commitments, @Nullable String rewards, @Nullable String penalties) {}

    @Transactional(readOnly = true)
    public PledgeView pledge(long id, DataScope scope) {
        return view(record(id, scope));
    }

    /** One version as printed; the current one when {@code version} is null. Earlier versions stay readable. */
    @Transactional(readOnly = true)
    public PledgeDocument document(long id, @Nullable Integer version, DataScope scope) {
        record(id, scope);
        VersionRecord v = version == null ? pledges.current(id) : pledges.versions(id).stream()
                .filter(x -> x.versionNo() == version).findFirst().orElseThrow(() -> new NotFound("pledge", id + "/" + version));
        List<PledgeView.SignatureView> signatures = pledges.signatures(v.id()).stream()
                .map(s -> new PledgeView.SignatureView(s.role(), s.userId(), s.signerName(), s.signedAt(), s.clientAddress(),
                        s.contentHash())).toList();
        return new PledgeDocument(id, v.versionNo(), v.status(), PledgeHashing.read(v.contentJson()), signatures,
                v.contentHash(), v.chainHash());
    }

    @Transactional(readOnly = true)
    public List<PledgeView> register(long campaignId, DataScope scope) {
        campaigns.campaign(campaignId, scope);
        return pledges.forCampaign(campaignId, scope).stream().map(this::view).toList();
    }

    public PledgeView generate(long campaignId, long unitId, String actor, DataScope scope) {
        CampaignView campaign = campaigns.campaign(campaignId, scope);
        UnitView unit = org.unit(unitId, scope);
        if (pledges.exists(campaignId, unitId)) {
            throw new Conflict("pledge-exists", unit.name() + "在本攻坚行动中已有军令状");
        }
        List<TaskView> led = tasks.tasksLedBy(campaignId, unitId, scope);
        if (led.isEmpty()) {
            throw InvalidInput.of("unitId", unit.name() + "在本攻坚行动中没有牵头任务，无法生成军令状");
        }
        long id = pledges.insertPledge(campaignId, unitId, clock.instant());
        PledgeContent content = content(campaign, unit, led, template(campaign), 1, null);
        pledges.insertVersion(id, 1, PledgeHashing.canonical(content), null, actor, clock.instant());
        PledgeView created = view(pledges.find(id, DataScope.everything()).orElseThrow());
        events.publishEvent(AuditableChange.created("pledge", id, created));
        return created;
    }

    /** Changes the terms of an unsigned draft; once anyone has signed, only an amendment can change a pledge. */
    public PledgeView editTerms(long id, Terms terms, DataScope scope) {
        PledgeRecord pledge = record(id, scope);
        VersionRecord current = pledges.current(id);
        if (current.status() != PledgeStatus.DRAFT) {
            throw new Conflict("frozen", "军令状已签署，不能修改；如需调整请发起变更");
        }
        PledgeContent before = PledgeHashing.read(current.contentJson());
        PledgeContent after = new PledgeContent(before.campaignName(), before.unitName(), before.signatoryTitle(),
                before.issuerName(), before.version(), before.tasks(),
                text(terms.commitments(), before.commitments(), "commitments", "承诺内容", 4000),
                text(terms.rewards(), before.rewards(), "rewards", "奖励条款", 2000),
                text(terms.penalties(), before.penalties(), "penalties", "惩戒条款", 2000), before.amendmentReason());
        if (!pledges.replaceDraftContent(current.id(), current.lockVersion(), PledgeHashing.canonical(after))) {
            throw new Conflict("frozen", "军令状已被签署或他人修改，请刷新后重试");
        }
        events.publishEvent(AuditableChange.updated("pledge", id, before, after));
        return view(pledge);
    }

    /**
     * Signs the current version (see {@link PledgeSigning}). {@code expectedVersion}, when given, must be the
     * current one.
     */
    public PledgeView sign(long id, String password, @Nullable Integer expectedVersion, CurrentUser user,
                           @Nullable String clientAddress, DataScope scope) {
        PledgeRecord pledge = record(id, scope);
        signing.sign(pledge, password, expectedVersion, user, clientAddress);
        return view(pledge);
    }

    /** 变更: a new draft regenerated from the tasks as they are now, with the reason; signed again by both. */
    public PledgeView amend(long id, String reason, Terms terms, String actor, DataScope scope) {
        PledgeRecord pledge = record(id, scope);
        VersionRecord current = pledges.current(id);
        if (current.status() != PledgeStatus.SIGNED) {
            throw new Conflict("not-signed", current.status() == PledgeStatus.DRAFT
                    ? "当前版本尚未签署，可直接修改，无需变更" : "当前版本正在签署中，完成签署后才能变更");
        }
        String why = text(reason, null, "reason", "变更原因", 1000);
        CampaignView campaign = campaigns.campaign(pledge.campaignId(), scope);
        UnitView unit = org.unit(pledge.unitId(), scope);
        PledgeContent previous = PledgeHashing.read(current.contentJson());
        PledgeStore.Template base = new PledgeStore.Template(previous.issuerName(),
                text(terms.commitments(), previous.commitments(), "commitments", "承诺内容", 4000),
                text(terms.rewards(), previous.rewards(), "rewards", "奖励条款", 2000),
                text(terms.penalties(), previous.penalties(), "penalties", "惩戒条款", 2000));
        int next = current.versionNo() + 1;
        PledgeContent content = content(campaign, unit, tasks.tasksLedBy(campaign.id(), unit.id(), scope), base, next, why);
        pledges.insertVersion(id, next, PledgeHashing.canonical(content), why, actor, clock.instant());
        events.publishEvent(new AuditableChange("pledge.amend", "pledge", String.valueOf(id), current.versionNo(),
                java.util.Map.of("version", next, "reason", why)));
        return view(pledge);
    }

    /** Recomputes every signed version's content hash and chain link; reports the first that does not hold. */
    @Transactional(readOnly = true)
    public Verification verify(long id, DataScope scope) {
        record(id, scope);
        return chain.verify(id);
    }

    /** Every pledge's chain, checked (for the integrity module; no scope: a system check). */
    @Transactional(readOnly = true)
    public List<org.gongjian.shared.ChainCheck> verifyAllChains() {
        return chain.chainedPledges().stream().map(id -> {
            Verification v = chain.verify(id);
            return new org.gongjian.shared.ChainCheck("pledge", id, v.valid(), v.versionsChecked(), v.brokenAtVersion(), v.reason());
        }).toList();
    }

    /** Every link of every pledge chain (pledge, version, hash, key id), for the daily anchor. */
    @Transactional(readOnly = true)
    public List<org.gongjian.shared.ChainLink> chainLinks() {
        return chain.links();
    }

    /** Re-links the first release's unkeyed pledge chains under the current key; returns the links re-linked. */
    public int relinkLegacyChains() {
        return chain.relinkLegacy();
    }

    @Transactional(readOnly = true)
    public PledgeStore.Template templateFor(long campaignId, DataScope scope) {
        return template(campaigns.campaign(campaignId, scope));
    }

    public void saveTemplate(long campaignId, PledgeStore.Template template, DataScope scope) {
        CampaignView campaign = campaigns.campaign(campaignId, scope);
        PledgeStore.Template before = template(campaign);
        PledgeStore.Template after = new PledgeStore.Template(
                text(template.issuerName(), null, "issuerName", "发令方", 100),
                text(template.commitments(), null, "commitments", "承诺内容", 4000),
                text(template.rewards(), null, "rewards", "奖励条款", 2000),
                text(template.penalties(), null, "penalties", "惩戒条款", 2000));
        pledges.saveTemplate(campaign.id(), after);
        events.publishEvent(AuditableChange.updated("pledge-template", campaignId, before, after));
    }

    /** The latest signed version naming a task, with what it pledged for it: which version binds the task. */
    @Transactional(readOnly = true)
    public java.util.Optional<Binding> bindingOf(long taskId) {
        return pledges.signedVersionsNaming(taskId).stream().findFirst().map(v -> new Binding(v.pledgeId(), v.versionNo(),
                PledgeHashing.read(v.contentJson()).tasks().stream().filter(t -> t.taskId() == taskId).findFirst().orElseThrow()));
    }

    public record Binding(long pledgeId, int version, PledgeContent.PledgedTask pledged) {}

    private PledgeRecord record(long id, DataScope scope) {
        return pledges.find(id, scope).orElseThrow(() -> new NotFound("pledge", id));
    }

    private PledgeStore.Template template(CampaignView campaign) {
        return pledges.template(campaign.id()).orElseGet(() -> new PledgeStore.Template(
                "中共" + campaign.ownerUnitName() + "委员会、" + campaign.ownerUnitName() + "人民政府",
                "本单位主要负责人作为第一责任人，对下列攻坚任务负总责，确保按时间节点完成目标任务，做到靶心不偏、焦点不散、标准不降、力度不减。",
                "全面完成目标任务的，在年度综合考核中予以加分，并在干部选拔任用中优先考虑。",
                "未完成目标任务的，按照有关规定对单位主要负责人进行约谈、通报批评；造成严重后果的，依规依纪追究责任。"));
    }

    private static PledgeContent content(CampaignView campaign, UnitView unit, List<TaskView> led,
                                         PledgeStore.Template template, int version, @Nullable String reason) {
        List<PledgeContent.PledgedTask> pledged = new ArrayList<>();
        for (TaskView t : led) {
            pledged.add(new PledgeContent.PledgedTask(t.id(), t.title(), t.dueDate(),
                    t.indicators().stream().map(i -> new PledgeContent.PledgedIndicator(i.name(), i.unit(), i.baseline(),
                            i.target(), i.direction().name())).toList(),
                    t.milestones().stream().map(m -> new PledgeContent.PledgedMilestone(m.title(), m.dueDate())).toList()));
        }
        return new PledgeContent(campaign.name(), unit.name(), unit.name() + "主要负责人", template.issuerName(), version,
                pledged, template.commitments(), template.rewards(), template.penalties(), reason);
    }

    private PledgeView view(PledgeRecord pledge) {
        VersionRecord current = pledges.current(pledge.id());
        List<PledgeView.SignatureView> signatures = pledges.signatures(current.id()).stream()
                .map(s -> new PledgeView.SignatureView(s.role(), s.userId(), s.signerName(), s.signedAt(), s.clientAddress(),
                        s.contentHash())).toList();
        List<PledgeView.VersionSummary> versions = pledges.versions(pledge.id()).stream()
                .map(v -> new PledgeView.VersionSummary(v.versionNo(), v.status(), v.contentHash(), v.chainHash(),
                        v.amendmentReason(), v.signedAt())).toList();
        PledgeFulfilment.Judgement judgement = fulfilment.judge(pledge);
        return new PledgeView(pledge.id(), pledge.campaignId(), pledge.unitId(), pledge.unitName(), current.versionNo(),
                current.status(), current.contentHash(), signatures, PledgeHashing.read(current.contentJson()), versions,
                judgement.fulfilment(), judgement.reasons(), current.lockVersion());
    }

    /** Trimmed text, or the fallback when blank; problems name the request's field (reason, rewards, …). */
    private static String text(@Nullable String value, @Nullable String fallback, String field, String what, int max) {
        String t = value == null || value.isBlank() ? fallback : value.trim();
        if (t == null || t.isBlank()) {
            throw InvalidInput.of(field, "请填写" + what);
        }
        if (t.length() > max) {
            throw InvalidInput.of(field, what + "不超过" + max + "字");
        }
        return t;
    }
}
