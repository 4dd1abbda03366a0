package org.gongjian.pledge;

import java.time.Clock;
import java.util.Objects;

import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
import org.gongjian.identity.UserService;
import org.gongjian.org.OrgService;
import org.gongjian.pledge.PledgeStore.PledgeRecord;
import org.gongjian.pledge.PledgeStore.VersionRecord;
import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.ChainKeys;
import org.gongjian.shared.Conflict;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.Forbidden;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Signing a pledge's current version: the unit head of the pledge's unit signs as 立状人, first; a leader whose
 * scope covers the issuing unit countersigns as 发令方, which freezes the version and links it into the hash chain.
 * Both re-enter their password. Runs in {@link PledgeService}'s transaction.
 */
@Component
class PledgeSigning {

    private final PledgeStore pledges;
    private final CampaignService campaigns;
    private final OrgService org;
    private final UserService users;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ChainKeys keys;

    PledgeSigning(PledgeStore pledges, CampaignService campaigns, OrgService org, UserService users,
                  ApplicationEventPublisher events, Clock clock, ChainKeys keys) {
        this.keys = keys;
        this.pledges = pledges;
        this.campaigns = campaigns;
        this.org = org;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    void sign(PledgeRecord pledge, String password, @Nullable Integer expectedVersion, CurrentUser user,
              @Nullable String clientAddress) {
        long id = pledge.id();
        VersionRecord current = pledges.current(id);
        if (expectedVersion != null && expectedVersion != current.versionNo()) {
            throw new Conflict("stale", "您签署的是第" + expectedVersion + "版，当前为第" + current.versionNo() + "版，请刷新后核对内容再签");
        }
        if (current.status() == PledgeStatus.SIGNED) {
            throw new Conflict("signed", "该版本已签署生效，不能重复签署");
        }
        SignatureRole role = roleOf(user, pledge);
        if (role == SignatureRole.SIGNATORY && current.status() != PledgeStatus.DRAFT) {
            throw new Conflict("signed", "立状人已签署，不能重复签署");
        }
        if (role == SignatureRole.ISSUER && current.status() != PledgeStatus.SIGNATORY_SIGNED) {
            throw new Conflict("order", "立状人尚未签署，发令方须在立状人签署后会签");
        }
        users.confirmPassword(user, password);
        String contentHash = PledgeHashing.sha256(current.contentJson());
        if (current.contentHash() != null && !current.contentHash().equals(contentHash)) {
            throw new Conflict("tampered", "军令状内容与已签署的哈希不一致，已停止签署，请联系管理员核查");
        }
        var now = clock.instant();
        pledges.insertSignature(current.id(), role, user.id(), signerName(user), now, clientAddress, contentHash);
        boolean advanced;
        if (role == SignatureRole.SIGNATORY) {
            advanced = pledges.advance(current.id(), current.lockVersion(), PledgeStatus.DRAFT,
                    PledgeStatus.SIGNATORY_SIGNED, contentHash, null, null, null, null);
        } else {
            String previous = previousChain(id, current.versionNo());
            String key = keys.currentKeyId();
            String chain = PledgeHashing.link(keys, key, previous, contentHash,
                    PledgeHashing.signatureLine(pledges.signatures(current.id())));
            advanced = pledges.advance(current.id(), current.lockVersion(), PledgeStatus.SIGNATORY_SIGNED,
                    PledgeStatus.SIGNED, contentHash, previous, chain, now, key);
            pledges.versions(id).stream().filter(v -> v.versionNo() < current.versionNo()).forEach(v -> pledges.supersede(v.id()));
        }
        if (!advanced) {
            throw new Conflict("stale", "该军令状刚被他人签署或修改，请刷新后重试");
        }
        events.publishEvent(new AuditableChange("pledge.sign", "pledge", String.valueOf(id), current.status(),
                java.util.Map.of("version", current.versionNo(), "role", role.name(), "contentHash", contentHash)));
        long issuer = campaigns.campaign(pledge.campaignId(), DataScope.everything()).ownerUnitId();
        events.publishEvent(new PledgeSigned(id, pledge.campaignId(), issuer, pledge.unitId(), pledge.unitName(),
                current.versionNo(), role, role == SignatureRole.ISSUER));
    }

    private SignatureRole roleOf(CurrentUser user, PledgeRecord pledge) {
        if (user.has(Role.UNIT_HEAD) && Objects.equals(user.scopeUnitId(), pledge.unitId())) {
            return SignatureRole.SIGNATORY;
        }
        if (user.has(Role.LEADER) && user.scopeUnitId() != null) {
            CampaignView campaign = campaigns.campaign(pledge.campaignId(), DataScope.everything());
            String owner = org.scopeOf(campaign.ownerUnitId()).orElseThrow().path();
            String leaderScope = org.scopeOf(user.scopeUnitId()).orElseThrow().path();
            if (owner.startsWith(leaderScope)) {
                return SignatureRole.ISSUER;
            }
        }
        throw new Forbidden("只有本单位负责人（立状人）或发令方领导可以签署此军令状");
    }

    private String signerName(CurrentUser user) {
        return user.personId() == null ? user.getUsername()
                : org.personUnscoped(user.personId()).map(p -> p.name() + "（" + p.position() + "）").orElse(user.getUsername());
    }

    private @Nullable String previousChain(long pledgeId, int beforeVersion) {
        return pledges.versions(pledgeId).stream()
                .filter(v -> v.versionNo() < beforeVersion && v.chainHash() != null)
                .reduce((a, b) -> b).map(VersionRecord::chainHash).orElse(null);
    }
}
