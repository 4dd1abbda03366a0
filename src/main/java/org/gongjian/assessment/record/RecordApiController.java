package org.gongjian.assessment.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.gongjian.identity.CurrentUser;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.PersonalDataRead;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A cadre's performance record over {@code /api/v1}: JSON, xlsx, and the organisation department's marks. */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'ORG_DEPT', 'LEADER')")
class RecordApiController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final RecordService records;

    RecordApiController(RecordService records) {
        this.records = records;
    }

    @GetMapping("/api/v1/cadres/{personId}/record")
    @PersonalDataRead("cadre-record")
    CadreRecord record(@PathVariable long personId, @RequestParam(required = false) @Nullable Integer year,
                       DataScope scope) {
        return records.read(personId, year, scope);
    }

    /** Also behind the page's export button (same session). */
    @GetMapping({"/api/v1/cadres/{personId}/record.xlsx", "/cadres/{personId}/record.xlsx"})
    @PersonalDataRead("cadre-record")
    void export(@PathVariable long personId, @RequestParam(required = false) @Nullable Integer year, DataScope scope,
                HttpServletResponse response) throws IOException {
        CadreRecord record = records.export(personId, year, scope);
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(RecordExport.fileName(record), StandardCharsets.UTF_8).build().toString());
        RecordExport.write(record, response.getOutputStream());
    }

    @PostMapping("/api/v1/cadres/{personId}/marks")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_DEPT')")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> mark(@PathVariable long personId, @RequestBody RecordService.MarkCommand command,
                           @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        return Map.of("id", records.mark(personId, command, user.getUsername(), scope));
    }
}
