package org.gongjian.report.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.TaskService;
import org.gongjian.identity.CurrentUser;
import org.gongjian.report.ReportingPeriod;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The bulk reporting page (批量填报): download the unit's workbook for a period, fill it in, upload it. */
@Controller
class ReportWorkbookController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ReportWorkbookTemplate templates;
    private final ReportImporter importer;
    private final CampaignService campaigns;
    private final TaskService tasks;
    private final Clock clock;

    ReportWorkbookController(ReportWorkbookTemplate templates, ReportImporter importer, CampaignService campaigns,
                             TaskService tasks, Clock clock) {
        this.templates = templates;
        this.importer = importer;
        this.campaigns = campaigns;
        this.tasks = tasks;
        this.clock = clock;
    }

    @GetMapping("/campaigns/{campaignId}/reports/import")
    @PreAuthorize("hasAnyRole('ADMIN', 'UNIT_HEAD', 'LIAISON')")
    String page(@PathVariable long campaignId, @RequestParam(required = false) @Nullable String period,
                @RequestParam(required = false) @Nullable Long unitId, DataScope scope, Model model) {
        return page(campaignId, period, unitId, false, scope, model);
    }

    @PostMapping("/campaigns/{campaignId}/reports/import")
    @PreAuthorize("hasAnyRole('ADMIN', 'UNIT_HEAD', 'LIAISON')")
    String upload(@PathVariable long campaignId, @RequestParam(required = false) @Nullable String period,
                  @RequestParam(required = false) @Nullable Long unitId,
                  @RequestParam(defaultValue = "false") boolean submit,
                  @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
                  @AuthenticationPrincipal CurrentUser user, DataScope scope, Model model) {
        try {
            model.addAttribute("result", run(importer, campaignId, period, unitId, submit, file, user, scope));
        } catch (InvalidInput e) {
            model.addAttribute("failure", e);
        }
        return page(campaignId, period, unitId, submit, scope, model);
    }

    @GetMapping("/campaigns/{campaignId}/reports/template")
    @PreAuthorize("hasAnyRole('ADMIN', 'UNIT_HEAD', 'LIAISON')")
    ResponseEntity<byte[]> template(@PathVariable long campaignId, @RequestParam(required = false) @Nullable String period,
                                    @RequestParam(required = false) @Nullable Long unitId, DataScope scope) {
        return download(templates.template(campaignId, period, unitId, scope));
    }

    private String page(long campaignId, @Nullable String period, @Nullable Long unitId, boolean submit, DataScope scope,
                        Model model) {
        CampaignView campaign = campaigns.campaign(campaignId, scope);
        LocalDate today = LocalDate.now(clock);
        ReportingPeriod current = ReportingPeriod.containing(today, campaign);
        List<ReportingPeriod> choices = new ArrayList<>();
        for (ReportingPeriod p = current; choices.size() < 12 && !p.end().isBefore(campaign.startDate()); p = p.previous()) {
            choices.add(p);
        }
        String chosen;
        try {
            chosen = templates.period(campaign, period).label();
        } catch (InvalidInput e) {
            chosen = ReportWorkbookTemplate.suggested(campaign, today).label();
        }
        model.addAttribute("campaign", campaign);
        model.addAttribute("choices", choices);
        model.addAttribute("period", chosen);
        model.addAttribute("submit", submit);
        // Only a caller without a unit of their own (a system administrator) chooses which unit reports.
        Map<Long, String> units = scope.unitId() == null ? tasks.leadUnits(campaignId, scope) : Map.of();
        model.addAttribute("units", units);
        model.addAttribute("unitId", unitId);
        return "report/report-import";
    }

    static ResponseEntity<byte[]> download(ReportWorkbookTemplate.File file) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .contentType(XLSX).body(file.bytes());
    }

    static ReportImporter.ImportResult run(ReportImporter importer, long campaignId, @Nullable String period,
                                           @Nullable Long unitId, boolean submit, @Nullable MultipartFile file,
                                           CurrentUser user, DataScope scope) {
        if (file == null || file.isEmpty()) {
            throw InvalidInput.of("file", "请选择要上传的 .xlsx 文件");
        }
        try (InputStream in = file.getInputStream()) {
            String name = file.getOriginalFilename() == null ? "upload.xlsx" : file.getOriginalFilename();
            return importer.importWorkbook(campaignId, period, unitId, submit, in,
                    name.length() > 150 ? name.substring(0, 150) : name, user, scope);
        } catch (IOException e) {
            throw InvalidInput.of("file", "文件读取失败，请重新上传");
        }
    }
}
