package org.gongjian.talent;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.gongjian.identity.CurrentUser;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PageResult;
import org.gongjian.shared.PersonalDataRead;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The registry over {@code /api/v1/talents}: every answer masked; unmasked data only through
 * {@code POST /api/v1/talents/{id}/personal-data {reason}} (talent office, audited) and the export with {@code reason}.
 */
@RestController
class TalentApiController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final TalentService talents;
    private final TalentWorkbook workbook;

    TalentApiController(TalentService talents, TalentWorkbook workbook) {
        this.talents = talents;
        this.workbook = workbook;
    }

    record ReasonBody(@Nullable String reason) {}

    record TierBody(@Nullable String label, @Nullable Integer sortOrder) {}

    @GetMapping("/api/v1/talents")
    @PersonalDataRead("talent-list")
    PageResult<TalentView> list(@RequestParam(required = false) @Nullable String q,
                                @RequestParam(required = false) @Nullable String field,
                                @RequestParam(required = false) @Nullable String tier,
                                @RequestParam(required = false) @Nullable TalentSource source,
                                @RequestParam(required = false) @Nullable Long unitId,
                                @RequestParam(required = false) @Nullable Integer page,
                                @RequestParam(required = false) @Nullable Integer size, DataScope scope) {
        return talents.talents(q, field, tier, source, unitId, scope, PageQuery.of(page, size));
    }

    @PostMapping("/api/v1/talents")
    ResponseEntity<TalentView> create(@RequestBody TalentCommand command, @AuthenticationPrincipal CurrentUser user,
                                      DataScope scope) {
        TalentView created = talents.create(command, user, scope);
        return ResponseEntity.created(URI.create("/api/v1/talents/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/talents/{id}")
    @PersonalDataRead("talent")
    TalentView get(@PathVariable long id, DataScope scope) {
        return talents.talent(id, scope);
    }

    @PostMapping("/api/v1/talents/{id}/personal-data")
    @PersonalDataRead("talent-personal")
    TalentView personalData(@PathVariable long id, @RequestBody(required = false) @Nullable ReasonBody body,
                            @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        return talents.personalData(id, body == null ? null : body.reason(), user, scope);
    }

    @GetMapping("/api/v1/talents/export")
    @PersonalDataRead("talent-export")
    void export(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String field,
                @RequestParam(required = false) @Nullable String tier,
                @RequestParam(required = false) @Nullable TalentSource source,
                @RequestParam(required = false) @Nullable String reason, @AuthenticationPrincipal CurrentUser user,
                DataScope scope, HttpServletResponse response) throws IOException {
        export(workbook, new TalentStore.Filter(q, field, tier, source, null), reason, user, scope, response);
    }

    /** The registry's xlsx (for the page too): refused before any byte is written when the reason needs a role it lacks. */
    static void export(TalentWorkbook workbook, TalentStore.Filter filter, @Nullable String reason, CurrentUser user,
                       DataScope scope, HttpServletResponse response) throws IOException {
        if (reason != null && !reason.isBlank()) {
            TalentService.requirePersonalDataAccess(user, reason);
        }
        xlsx(response, "人才库.xlsx");
        workbook.export(filter, reason, user, scope, response.getOutputStream());
    }

    @GetMapping("/api/v1/talents/template")
    void template(HttpServletResponse response) throws IOException {
        xlsx(response, "人才库导入模板.xlsx");
        workbook.template(response.getOutputStream());
    }

    @PostMapping("/api/v1/talents/import")
    TalentWorkbook.ImportResult importTalents(@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
                                              @RequestParam(required = false) @Nullable Long unitId,
                                              @AuthenticationPrincipal CurrentUser user, DataScope scope) throws IOException {
        if (file == null || file.isEmpty()) {
            throw InvalidInput.of("file", "请选择要上传的 .xlsx 文件");
        }
        Long target = unitId != null ? unitId : user.scopeUnitId();
        if (target == null) {
            throw InvalidInput.of("unitId", "请选择人才所属单位");
        }
        try (InputStream in = file.getInputStream()) {
            return workbook.importWorkbook(in, target, user, scope);
        }
    }

    @GetMapping("/api/v1/talent-tiers")
    List<TalentService.TierView> tiers() {
        return talents.tiers();
    }

    @PutMapping("/api/v1/talent-tiers/{code}")
    TalentService.TierView putTier(@PathVariable String code, @RequestBody TierBody body,
                                   @AuthenticationPrincipal CurrentUser user) {
        return talents.putTier(code, body.label(), body.sortOrder() == null ? 99 : body.sortOrder(), user);
    }

    static void xlsx(HttpServletResponse response, String fileName) {
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
    }
}
