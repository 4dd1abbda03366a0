package org.gongjian.deployment;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.gongjian.identity.CurrentUser;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PageResult;
import org.gongjian.shared.PersonalDataRead;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * 三下沉 over {@code /api/v1}: batches (create, end, extend, rule change, xlsx import), deployments (list with filters,
 * one with its monthly presence, xlsx export) and monthly presence with the shortfall list (JSON and xlsx).
 */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'ORG_DEPT', 'LEADER', 'UNIT_HEAD')")
class DeploymentApiController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final DeploymentService deployments;
    private final PresenceService presence;
    private final DeploymentWorkbook workbook;

    DeploymentApiController(DeploymentService deployments, PresenceService presence, DeploymentWorkbook workbook) {
        this.deployments = deployments;
        this.presence = presence;
        this.workbook = workbook;
    }

    record DateBody(@Nullable LocalDate endDate) {}

    record RuleBody(@Nullable YearMonth fromMonth, @Nullable Integer minDays) {}

    /** A deployment with its months of presence. */
    record DeploymentDetail(DeploymentView deployment, List<Presence.Month> presence) {}

    @GetMapping("/api/v1/deployment-batches")
    List<BatchView> batches(DataScope scope) {
        return deployments.batches(scope);
    }

    @PostMapping("/api/v1/deployment-batches")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_DEPT')")
    ResponseEntity<BatchView> createBatch(@RequestBody BatchCommand command, @AuthenticationPrincipal CurrentUser user,
                                          DataScope scope) {
        BatchView batch = deployments.createBatch(command, user, scope);
        return ResponseEntity.created(URI.create("/api/v1/deployment-batches/" + batch.id())).body(batch);
    }

    @GetMapping("/api/v1/deployment-batches/{id}")
    BatchView batch(@PathVariable long id, DataScope scope) {
        return deployments.batch(id, scope);
    }

    @PostMapping("/api/v1/deployment-batches/{id}/end")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_DEPT')")
    BatchView end(@PathVariable long id, @RequestBody(required = false) @Nullable DateBody body,
                  @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        return deployments.end(id, body == null ? null : body.endDate(), user, scope);
    }

    @PostMapping("/api/v1/deployment-batches/{id}/extend")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_DEPT')")
    BatchView extend(@PathVariable long id, @RequestBody DateBody body, @AuthenticationPrincipal CurrentUser user,
                     DataScope scope) {
        return deployments.extend(id, body.endDate(), user, scope);
    }

    @PostMapping("/api/v1/deployment-batches/{id}/rules")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_DEPT')")
    BatchView rule(@PathVariable long id, @RequestBody RuleBody body, @AuthenticationPrincipal CurrentUser user,
                   DataScope scope) {
        return deployments.changeRule(id, body.fromMonth(), body.minDays(), user, scope);
    }

    @PostMapping("/api/v1/deployment-batches/{id}/deployments")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_DEPT')")
    ResponseEntity<DeploymentView> create(@PathVariable long id, @RequestBody DeploymentCommand command,
                                          @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        DeploymentView d = deployments.create(id, command, user, scope);
        return ResponseEntity.created(URI.create("/api/v1/deployments/" + d.id())).body(d);
    }

    @PostMapping("/api/v1/deployment-batches/{id}/deployments/import")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_DEPT')")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> importRows(@PathVariable long id, @RequestPart("file") MultipartFile file,
                                   @AuthenticationPrincipal CurrentUser user, DataScope scope) throws IOException {
        List<DeploymentView> created = workbook.importInto(id, file.getInputStream(), user, scope);
        return Map.of("imported", created.size(), "ids", created.stream().map(DeploymentView::id).toList());
    }

    @GetMapping({"/api/v1/deployments/template", "/deployments/template.xlsx"})
    void template(HttpServletResponse response) throws IOException {
        attachment(response, "下沉安排导入模板.xlsx");
        workbook.template(response.getOutputStream());
    }

    @GetMapping("/api/v1/deployments")
    PageResult<DeploymentView> list(@RequestParam(required = false) @Nullable Long batchId,
                                    @RequestParam(required = false) @Nullable DeploymentKind kind,
                                    @RequestParam(required = false) @Nullable Long personId,
                                    @RequestParam(required = false) @Nullable LocalDate activeOn,
                                    @RequestParam(required = false) @Nullable String q,
                                    @RequestParam(required = false) @Nullable Integer page,
                                    @RequestParam(required = false) @Nullable Integer size, DataScope scope) {
        return deployments.deployments(batchId, kind, personId, activeOn, q, scope, PageQuery.of(page, size));
    }

    @GetMapping("/api/v1/deployments/{id}")
    DeploymentDetail get(@PathVariable long id, DataScope scope) {
        DeploymentView d = deployments.deployment(id, scope);
        return new DeploymentDetail(d, presence.months(d));
    }

    @GetMapping({"/api/v1/deployments/export", "/deployments/export.xlsx"})
    @PersonalDataRead("deployment-export")
    void export(@RequestParam(required = false) @Nullable Long batchId, DataScope scope, HttpServletResponse response)
            throws IOException {
        attachment(response, "下沉安排.xlsx");
        workbook.exportDeployments(batchId, scope, response.getOutputStream());
    }

    @GetMapping("/api/v1/deployments/presence")
    List<PresenceRow> presence(@RequestParam YearMonth month, @RequestParam(required = false) @Nullable Long batchId,
                               @RequestParam(defaultValue = "false") boolean shortOnly, DataScope scope) {
        return shortOnly ? presence.shortfalls(month, batchId, scope) : presence.month(month, batchId, scope);
    }

    @GetMapping({"/api/v1/deployments/presence/export", "/deployments/presence.xlsx"})
    @PersonalDataRead("deployment-export")
    void exportPresence(@RequestParam YearMonth month, @RequestParam(required = false) @Nullable Long batchId,
                        DataScope scope, HttpServletResponse response) throws IOException {
        attachment(response, "在岗天数-" + month + ".xlsx");
        workbook.exportPresence(month, batchId, scope, response.getOutputStream());
    }

    static void attachment(HttpServletResponse response, String fileName) {
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(fileName, StandardCharsets.UTF_8).build().toString());
    }
}
