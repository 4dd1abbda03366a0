package org.gongjian.rectification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.identity.CurrentUser;
import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.PersonalDataRead;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The ledger as xlsx over the API (the export also behind the page's button), and the API import. */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'LEADER', 'ORG_DEPT', 'UNIT_HEAD', 'LIAISON')")
class LedgerApiController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final int EXPORT_MAX = 10_000;

    private final ProblemService problems;
    private final LedgerImport importer;
    private final CampaignService campaigns;
    private final ApplicationEventPublisher events;

    LedgerApiController(ProblemService problems, LedgerImport importer, CampaignService campaigns,
                        ApplicationEventPublisher events) {
        this.problems = problems;
        this.importer = importer;
        this.campaigns = campaigns;
        this.events = events;
    }

    @GetMapping({"/problems/ledger.xlsx", "/api/v1/problems/ledger.xlsx"})
    @PersonalDataRead("ledger-export")
    void export(@RequestParam long campaignId, @RequestParam(required = false) @Nullable Long unitId,
                @RequestParam(required = false) @Nullable ProblemSource source,
                @RequestParam(required = false) @Nullable ProblemStatus status,
                @RequestParam(defaultValue = "false") boolean overdue, DataScope scope, HttpServletResponse response)
            throws IOException {
        CampaignView campaign = campaigns.campaign(campaignId, scope);
        var ledger = problems.ledger(new ProblemService.Filter(campaignId, unitId, source, status, overdue), scope,
                EXPORT_MAX);
        events.publishEvent(new AuditableChange("rectification_ledger.export", "campaign", String.valueOf(campaignId),
                null, Map.of("problems", ledger.size())));
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("整改台账-" + campaign.name() + ".xlsx", StandardCharsets.UTF_8).build().toString());
        LedgerWorkbook.write(ledger, response.getOutputStream());
    }

    @PostMapping("/api/v1/problems/import")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'UNIT_HEAD', 'LIAISON')")
    Map<String, Integer> importApi(@RequestParam long campaignId,
                                   @RequestParam(required = false) @Nullable ProblemSource source,
                                   @RequestParam(required = false) @Nullable MultipartFile file,
                                   @AuthenticationPrincipal CurrentUser user, DataScope scope) throws IOException {
        return Map.of("created", run(importer, campaignId, source, file, user, scope));
    }

    static int run(LedgerImport importer, long campaignId, @Nullable ProblemSource source, @Nullable MultipartFile file,
                   CurrentUser user, DataScope scope) throws IOException {
        if (file == null || file.isEmpty()) {
            throw InvalidInput.of("file", "请选择要导入的 .xlsx 台账");
        }
        if (source != null && !ProblemPolicy.mayRecord(user, source)) {
            throw InvalidInput.of("source", "“" + source.label() + "”发现的问题由督查室录入");
        }
        try (InputStream in = file.getInputStream()) {
            return importer.importLedger(campaignId, source, in, user, scope);
        }
    }
}
