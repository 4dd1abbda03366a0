package org.gongjian.pledge;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotNull;
import org.gongjian.identity.CurrentUser;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.PersonalDataRead;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Pledges over {@code /api/v1} as DESIGN.md lists them, plus the register and terms (the template: {@link PledgeTemplateApiController}). */
@RestController
class PledgeApiController {

    private final PledgeService pledges;
    private final PledgePdf pdf;

    PledgeApiController(PledgeService pledges, PledgePdf pdf) {
        this.pledges = pledges;
        this.pdf = pdf;
    }

    record GenerateBody(@NotNull(message = "{validation.m51}") @Nullable Long unitId) {}

    record SignBody(@Nullable String password, @Nullable Integer version) {}

    record AmendBody(@Nullable String reason, @Nullable String commitments, @Nullable String rewards,
                     @Nullable String penalties) {}

    @PostMapping("/api/v1/campaigns/{campaignId}/pledges")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    ResponseEntity<PledgeView> generate(@PathVariable long campaignId, @Validated @RequestBody GenerateBody body,
                                        @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        if (body.unitId() == null) {
            throw org.gongjian.shared.InvalidInput.of("unitId", "请选择单位");
        }
        PledgeView pledge = pledges.generate(campaignId, body.unitId(), user.getUsername(), scope);
        return ResponseEntity.created(URI.create("/api/v1/pledges/" + pledge.id())).body(pledge);
    }

    @GetMapping("/api/v1/campaigns/{campaignId}/pledges")
    List<PledgeView> register(@PathVariable long campaignId, DataScope scope) {
        return pledges.register(campaignId, scope);
    }

    @GetMapping("/api/v1/pledges/{id}")
    PledgeView get(@PathVariable long id, DataScope scope) {
        return pledges.pledge(id, scope);
    }

    /** Terms of an unsigned draft; a signed pledge answers 409. */
    @PutMapping("/api/v1/pledges/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    PledgeView edit(@PathVariable long id, @RequestBody PledgeService.Terms terms, DataScope scope) {
        return pledges.editTerms(id, terms, scope);
    }

    @PostMapping("/api/v1/pledges/{id}/sign")
    @PreAuthorize("hasAnyRole('UNIT_HEAD', 'LEADER')")
    PledgeView sign(@PathVariable long id, @RequestBody SignBody body, @AuthenticationPrincipal CurrentUser user,
                    HttpServletRequest request, DataScope scope) {
        return pledges.sign(id, body.password() == null ? "" : body.password(), body.version(), user,
                request.getRemoteAddr(), scope);
    }

    @PostMapping("/api/v1/pledges/{id}/amendments")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    ResponseEntity<PledgeView> amend(@PathVariable long id, @RequestBody AmendBody body,
                                     @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        PledgeView pledge = pledges.amend(id, body.reason() == null ? "" : body.reason(),
                new PledgeService.Terms(body.commitments(), body.rewards(), body.penalties()), user.getUsername(), scope);
        return ResponseEntity.created(URI.create("/api/v1/pledges/" + id)).body(pledge);
    }

    @GetMapping("/api/v1/pledges/{id}/verify")
    Verification verify(@PathVariable long id, DataScope scope) {
        return pledges.verify(id, scope);
    }

    @GetMapping("/api/v1/pledges/{id}/pdf")
    @PersonalDataRead("pledge-pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @RequestParam(required = false) @Nullable Integer version,
                               DataScope scope) {
        return pdfResponse(pdf, pledges.document(id, version, scope));
    }

    static ResponseEntity<byte[]> pdfResponse(PledgePdf pdf, PledgeDocument document) {
        byte[] bytes = pdf.render(document);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("军令状-" + document.content().unitName() + "-第" + document.version() + "版.pdf",
                                java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }
}
