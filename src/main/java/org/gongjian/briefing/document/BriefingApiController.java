package org.gongjian.briefing.document;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.gongjian.identity.CurrentUser;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.PersonalDataRead;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Briefings over {@code /api/v1} (DESIGN.md: {@code GET /api/v1/campaigns/{id}/briefings/{period}.docx|.pdf}), plus
 * the JSON content, the office's narrative edit, publication and the 文头 settings. A published briefing downloads
 * as frozen; a draft downloads marked 草稿.
 */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'LEADER', 'ORG_DEPT')")
class BriefingApiController {

    static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final BriefingService briefings;
    private final BriefingDocx docx;
    private final BriefingPdf pdf;

    BriefingApiController(BriefingService briefings, BriefingDocx docx, BriefingPdf pdf) {
        this.briefings = briefings;
        this.docx = docx;
        this.pdf = pdf;
    }

    @GetMapping("/api/v1/campaigns/{campaignId}/briefings")
    List<BriefingService.MonthEntry> months(@PathVariable long campaignId, DataScope scope) {
        return briefings.months(campaignId, scope);
    }

    @GetMapping("/api/v1/campaigns/{campaignId}/briefings/{period}")
    BriefingService.BriefingView briefing(@PathVariable long campaignId, @PathVariable BriefingPeriod period,
                                          DataScope scope) {
        return briefings.briefing(campaignId, period, scope);
    }

    @GetMapping("/api/v1/campaigns/{campaignId}/briefings/{period}.docx")
    @PersonalDataRead("briefing")
    ResponseEntity<byte[]> docx(@PathVariable long campaignId, @PathVariable BriefingPeriod period, DataScope scope) {
        BriefingService.BriefingView view = briefings.briefing(campaignId, period, scope);
        return download(docx.render(view.data(), view.published()), DOCX, view, "docx");
    }

    @GetMapping("/api/v1/campaigns/{campaignId}/briefings/{period}.pdf")
    @PersonalDataRead("briefing")
    ResponseEntity<byte[]> pdf(@PathVariable long campaignId, @PathVariable BriefingPeriod period, DataScope scope) {
        BriefingService.BriefingView view = briefings.briefing(campaignId, period, scope);
        return download(pdf.render(view.data(), view.published()), MediaType.APPLICATION_PDF, view, "pdf");
    }

    @PutMapping("/api/v1/campaigns/{campaignId}/briefings/{period}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    BriefingService.BriefingView edit(@PathVariable long campaignId, @PathVariable BriefingPeriod period,
                                      @RequestBody BriefingData.Narrative narrative,
                                      @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        return briefings.saveNarrative(campaignId, period, narrative, user.getUsername(), scope);
    }

    @PostMapping("/api/v1/campaigns/{campaignId}/briefings/{period}/publish")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    BriefingService.BriefingView publish(@PathVariable long campaignId, @PathVariable BriefingPeriod period,
                                         @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        return briefings.publish(campaignId, period, user.getUsername(), scope);
    }

    @GetMapping("/api/v1/campaigns/{campaignId}/briefing-settings")
    BriefingSettings settings(@PathVariable long campaignId, DataScope scope) {
        return briefings.settings(campaignId, scope);
    }

    @PutMapping("/api/v1/campaigns/{campaignId}/briefing-settings")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    BriefingSettings saveSettings(@PathVariable long campaignId, @RequestBody BriefingSettings settings,
                                  @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        return briefings.saveSettings(campaignId, settings, user.getUsername(), scope);
    }

    static ResponseEntity<byte[]> download(byte[] bytes, MediaType type, BriefingService.BriefingView view, String ext) {
        String name = "工作通报-" + view.period() + (view.published() ? "" : "-草稿") + "." + ext;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }
}
