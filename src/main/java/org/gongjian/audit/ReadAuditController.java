package org.gongjian.audit;

import java.time.Clock;

import org.gongjian.audit.ReadQueries.ReadFilter;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PersonalDataRead;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 个人信息读取审计 for the audit administrator: who read whose personal data, filterable, newest first. */
@Controller
@PreAuthorize("@auditReaders.allowed(authentication)")
class ReadAuditController {

    private final ReadQueries queries;
    private final Clock clock;

    ReadAuditController(ReadQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/audit/reads")
    @PersonalDataRead("audit-reads")
    String page(ReadFilter filter, @RequestParam(required = false) @Nullable Integer page, Model model) {
        model.addAttribute("filter", filter);
        model.addAttribute("reads", queries.search(filter, clock.getZone(), PageQuery.of(page, 50)));
        model.addAttribute("whats", queries.whats());
        model.addAttribute("zone", clock.getZone());
        return "audit/read-list";
    }
}
