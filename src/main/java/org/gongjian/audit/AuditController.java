package org.gongjian.audit;

import java.time.Clock;
import java.time.LocalDate;

import org.gongjian.audit.AuditQueries.AuditFilter;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log for the audit administrator ({@link AuditReaders}): a filterable page. */
@Controller
@PreAuthorize("@auditReaders.allowed(authentication)")
class AuditController {

    private final AuditQueries queries;
    private final Clock clock;

    AuditController(AuditQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/audit")
    String page(AuditFilter filter, @RequestParam(required = false) @Nullable Integer page, Model model) {
        model.addAttribute("filter", filter);
        model.addAttribute("entries", queries.search(filter, clock.getZone(), PageQuery.of(page, 50)));
        model.addAttribute("entityTypes", queries.entityTypes());
        model.addAttribute("zone", clock.getZone());
        return "audit/audit-list";
    }
}
