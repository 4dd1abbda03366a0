package org.gongjian.audit;

import java.time.Clock;
import java.time.LocalDate;

import org.gongjian.audit.AuditQueries.AuditFilter;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/audit}: the audit trail as JSON, for the audit administrator ({@link AuditReaders}). */
@RestController
@PreAuthorize("@auditReaders.allowed(authentication)")
class AuditApiController {

    private final AuditQueries queries;
    private final Clock clock;

    AuditApiController(AuditQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/api/v1/audit")
    PageResult<AuditEntry> api(@RequestParam(required = false) @Nullable String actor,
                               @RequestParam(required = false) @Nullable String action,
                               @RequestParam(required = false) @Nullable String entityType,
                               @RequestParam(required = false) @Nullable String entityId,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
                               @RequestParam(required = false) @Nullable Integer page,
                               @RequestParam(required = false) @Nullable Integer size) {
        return queries.search(new AuditFilter(actor, action, entityType, entityId, from, to), clock.getZone(),
                PageQuery.of(page, size));
    }
}
