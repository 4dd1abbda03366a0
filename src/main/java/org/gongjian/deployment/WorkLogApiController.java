package org.gongjian.deployment;

import java.io.IOException;
import java.net.URI;

import org.gongjian.identity.CurrentUser;
import org.gongjian.report.EvidenceView;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PageResult;
import org.gongjian.shared.PersonalDataRead;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * 工作日志 over {@code /api/v1}: the pre-filled draft, photos into the site's evidence library, the log itself
 * (send an {@code Idempotency-Key} when retrying from a phone), and lists by deployment or cadre.
 */
@RestController
class WorkLogApiController {

    private final WorkLogService logs;

    WorkLogApiController(WorkLogService logs) {
        this.logs = logs;
    }

    @GetMapping("/api/v1/work-logs/draft")
    WorkLogService.Draft draft(@AuthenticationPrincipal CurrentUser user) {
        return logs.draft(user);
    }

    @PostMapping("/api/v1/work-logs/photos")
    ResponseEntity<EvidenceView> photo(@RequestParam long deploymentId, @RequestPart("file") MultipartFile file,
                                       @AuthenticationPrincipal CurrentUser user) throws IOException {
        EvidenceView photo = logs.uploadPhoto(deploymentId, String.valueOf(file.getOriginalFilename()),
                file.getInputStream(), user);
        return ResponseEntity.created(URI.create("/api/v1/evidence/" + photo.id())).body(photo);
    }

    @PostMapping("/api/v1/work-logs")
    ResponseEntity<WorkLogView> create(@RequestBody WorkLogCommand command, @AuthenticationPrincipal CurrentUser user) {
        WorkLogView log = logs.create(command, user);
        return ResponseEntity.created(URI.create("/api/v1/work-logs/" + log.id())).body(log);
    }

    @GetMapping("/api/v1/work-logs/{id}")
    @PersonalDataRead("work-log")
    WorkLogView get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        return logs.log(id, user, scope);
    }

    @GetMapping("/api/v1/work-logs")
    PageResult<WorkLogView> list(@RequestParam(required = false) @Nullable Long deploymentId,
                                 @RequestParam(required = false) @Nullable Long personId,
                                 @RequestParam(required = false) @Nullable Integer page,
                                 @RequestParam(required = false) @Nullable Integer size,
                                 @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        return logs.logs(deploymentId, personId, user, scope, PageQuery.of(page, size));
    }
}
