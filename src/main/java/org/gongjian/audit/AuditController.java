package org.gongjian.audit;

import java.time.Clock;

import org.gongjian.audit.AuditQueries.AuditFilter;
import org.gongjian.audit.ReadQueries.ReadFilter;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PersonalDataRead;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit administrator's two pages ({@link AuditReaders}), filterable and paged alike, newest first: the audit
 * log of changes, and 个人信息读取审计 (who read whose personal data).
 */
@Controller
@PreAuthorize("@auditReaders.allowed(authentication)")
class AuditController {

    private static final int PAGE_SIZE = 50;

    private final AuditQueries changes;
    private final ReadQueries reads;
    private final Clock clock;

    AuditController(AuditQueries changes, ReadQueries reads, Clock clock) {
        this.changes = changes;
        this.reads = reads;
        this.clock = clock;
    }

    @GetMapping("/audit")
    @PersonalDataRead("audit-log")
    String page(AuditFilter filter, @RequestParam(required = false) @Nullable Integer page, Model model) {
        model.addAttribute("entries", changes.search(filter, clock.getZone(), pageOf(page, filter, model)));
        model.addAttribute("entityTypes", changes.entityTypes());
        return "audit/audit-list";
    }

    @GetMapping("/audit/reads")
    @PersonalDataRead("audit-reads")
    String reads(ReadFilter filter, @RequestParam(required = false) @Nullable Integer page, Model model) {
        model.addAttribute("reads", reads.search(filter, clock.getZone(), pageOf(page, filter, model)));
        model.addAttribute("whats", reads.whats());
        return "audit/read-list";
    }

    /** What both pages put beside their rows: the filter as given and the zone times are shown in; the page asked for. */
    private PageQuery pageOf(@Nullable Integer page, Object filter, Model model) {
        model.addAttribute("filter", filter);
        model.addAttribute("zone", clock.getZone());
        return PageQuery.of(page, PAGE_SIZE);
    }
}
