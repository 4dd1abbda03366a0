package org.gongjian.integrity;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongjian.pledge.PledgeService;
import org.gongjian.rectification.ProblemService;
import org.gongjian.report.ReportService;
import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.CanonicalJson;
import org.gongjian.shared.ChainCheck;
import org.gongjian.shared.ChainLink;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anchors and verification of the keyed hash chains. An anchor takes the head (last link) of every chain — each
 * task's approved reports, each pledge's signed versions, each campaign's sign-offs — and appends it, signed with
 * the Ed25519 anchor key, to the anchor file outside the database. Verification checks every link with its key,
 * then every anchor: its signature, its place in the file, and that each anchored link is still in the database
 * with the same hash. Rewriting a whole chain, even with a key of one's own, no longer matches the anchors.
 */
@Service
public class IntegrityService {

    private static final Logger log = LoggerFactory.getLogger(IntegrityService.class);

    private final ReportService reports;
    private final PledgeService pledges;
    private final ProblemService problems;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AnchorLog anchors;
    private final AnchorSigner signer;

    IntegrityService(ReportService reports, PledgeService pledges, ProblemService problems,
                     ApplicationEventPublisher events, Clock clock,
                     @Value("${gongjian.integrity.anchor-file:./data/anchors.jsonl}") String anchorFile,
                     @Value("${gongjian.integrity.anchor-key-file:}") String keyFile) {
        this.reports = reports;
        this.pledges = pledges;
        this.problems = problems;
        this.events = events;
        this.clock = clock;
        this.anchors = new AnchorLog(Path.of(anchorFile));
        this.signer = new AnchorSigner(Path.of(keyFile.isBlank() ? anchorFile + ".key" : keyFile));
    }

    /** The outcome of {@link #verify()}: every chain's links, then every anchor. */
    public record Verification(boolean valid, Instant verifiedAt, int chainsChecked, int linksChecked,
                               List<ChainCheck> brokenChains, int anchorsChecked, List<String> anchorProblems,
                               @Nullable Instant lastAnchorAt) {}

    public record PublicKey(String algorithm, String base64, String pem) {}

    public PublicKey publicKey() {
        return new PublicKey("Ed25519", signer.publicKeyBase64(), signer.publicKeyPem());
    }

    /** Every chain's current links, keyed by {@code chain:id:seq}. */
    private List<ChainLink> links() {
        List<ChainLink> all = new ArrayList<>(reports.chainLinks());
        all.addAll(pledges.chainLinks());
        all.addAll(problems.chainLinks());
        return all;
    }

    private static List<String> heads(List<ChainLink> links) {
        Map<String, ChainLink> head = new LinkedHashMap<>();
        for (ChainLink l : links) {
            head.merge(l.chain() + ":" + l.chainId(), l, (a, b) -> b.seq() > a.seq() ? b : a);
        }
        return head.values().stream().map(ChainLink::anchorForm).sorted().toList();
    }

    /** Anchors the chain heads now: appends a signed line to the anchor file and audits it. */
    @Transactional
    public synchronized Anchor anchorNow(String actor) {
        return anchorNow(actor, List.of());
    }

    /**
     * Anchors now, naming the days whose daily anchor was missed (see {@link IntegrityDailyJob#catchUp()}): one line
     * for all of them, since the heads of a missed day can no longer be known — only that they are covered now.
     */
    @Transactional
    public synchronized Anchor anchorNow(String actor, List<String> missed) {
        List<String> lines = anchors.lines();
        String previous = lines.isEmpty() ? CanonicalJson.GENESIS : CanonicalJson.sha256(lines.get(lines.size() - 1));
        long seq = lines.isEmpty() ? 1 : AnchorLog.parse(lines.get(lines.size() - 1)).seq() + 1;
        List<String> heads = heads(links());
        String digest = CanonicalJson.sha256(String.join("\n", heads));
        Anchor unsigned = new Anchor(seq, clock.instant(), actor, heads.size(), digest, previous, heads, "", missed);
        Anchor anchor = new Anchor(seq, unsigned.at(), actor, heads.size(), digest, previous, heads,
                signer.sign(unsigned.signedText()), missed);
        anchors.append(AnchorLog.format(anchor));
        events.publishEvent(new AuditableChange("integrity.anchor", "integrity-anchor", String.valueOf(seq), null,
                missed.isEmpty() ? Map.of("chains", heads.size(), "digest", digest)
                        : Map.of("chains", heads.size(), "digest", digest, "missedDays", missed), actor));
        log.info("integrity anchor {}: {} chain heads, digest {}{}", seq, heads.size(), digest,
                missed.isEmpty() ? "" : " (catching up missed days " + missed + ")");
        return anchor;
    }

    /** The anchors in the file, newest first (those that parse). */
    public List<Anchor> anchors() {
        List<Anchor> out = new ArrayList<>();
        for (String line : anchors.lines()) {
            try {
                out.add(0, AnchorLog.parse(line));
            } catch (RuntimeException unreadable) {
                // reported by verify()
            }
        }
        return out;
    }

    /** Where the anchor file is (for the page and for tests). */
    public Path anchorFile() {
        return anchors.file();
    }

    public boolean hasAnchors() {
        return !anchors.lines().isEmpty();
    }

    /** Checks every chain's links with their keys, and every anchor against its signature, the file and the database. */
    @Transactional(readOnly = true)
    public Verification verify() {
        List<ChainCheck> checks = new ArrayList<>(reports.verifyAllChains());
        checks.addAll(pledges.verifyAllChains());
        checks.addAll(problems.verifyAllChains());
        int linksChecked = checks.stream().mapToInt(ChainCheck::checked).sum();
        List<ChainCheck> broken = checks.stream().filter(c -> !c.intact()).toList();

        Map<String, String> current = new HashMap<>();
        for (ChainLink l : links()) {
            current.put(l.chain() + ":" + l.chainId() + ":" + l.seq(), l.hash());
        }
        List<String> problems = new ArrayList<>();
        List<String> lines = anchors.lines();
        String previous = CanonicalJson.GENESIS;
        Instant last = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Anchor a;
            try {
                a = AnchorLog.parse(line);
            } catch (RuntimeException unreadable) {
                problems.add("锚定文件第" + (i + 1) + "行无法读取");
                previous = CanonicalJson.sha256(line);
                continue;
            }
            String at = "第" + a.seq() + "次锚定（" + a.at() + "）";
            if (a.seq() != i + 1 || !previous.equals(a.previous())) {
                problems.add(at + "：锚定文件的顺序或前一行哈希不符（有行被删除、插入或改动）");
            }
            if (!signer.verify(a.signedText(), a.signature())
                    || !CanonicalJson.sha256(String.join("\n", a.heads())).equals(a.digest()) || a.heads().size() != a.chains()) {
                problems.add(at + "：签名或摘要不符（锚定记录被改动）");
            }
            for (String head : a.heads()) {
                int cut = head.lastIndexOf(':');
                String place = head.substring(0, cut);
                String hash = current.get(place);
                if (hash == null) {
                    problems.add(at + "：锚定的链接 " + place + " 在数据库中已不存在");
                } else if (!hash.equals(head.substring(cut + 1))) {
                    problems.add(at + "：链接 " + place + " 与锚定的哈希不符（链被改写）");
                }
            }
            previous = CanonicalJson.sha256(line);
            last = a.at();
        }
        return new Verification(broken.isEmpty() && problems.isEmpty(), clock.instant(), checks.size(), linksChecked,
                broken, lines.size(), problems, last);
    }

    /**
     * Re-links the first release's unkeyed chains under the current key — only while no anchor exists, so that
     * once the chains are anchored nobody can launder a forged chain by passing it off as a legacy one.
     */
    @Transactional
    public int relinkLegacyChains() {
        if (hasAnchors()) {
            log.warn("integrity: anchors exist in {}; unkeyed legacy links are not re-linked (verify reports them)",
                    anchors.file().toAbsolutePath());
            return 0;
        }
        int relinked = reports.relinkLegacyChains() + pledges.relinkLegacyChains() + problems.relinkLegacyChains();
        if (relinked > 0) {
            events.publishEvent(new AuditableChange("integrity.relink", "integrity-anchor", null, null,
                    Map.of("links", relinked), "system"));
            log.info("integrity: {} legacy unkeyed chain links re-linked with the current key", relinked);
        }
        return relinked;
    }
}
