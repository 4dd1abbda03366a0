package org.gongjian.supervision;

import java.net.URI;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.Validator;
import org.gongjian.identity.CurrentUser;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Supervision notices (督办单) over {@code /api/v1}: register, issue, respond, close, escalate. */
@RestController
class NoticeApiController {

    private final NoticeService notices;
    private final Validator validator;

    NoticeApiController(NoticeService notices, Validator validator) {
        this.notices = notices;
        this.validator = validator;
    }

    record ResponseBody(@Nullable String text, @Nullable List<Long> evidenceIds) {}

    record NoteBody(@Nullable String note) {}

    record EscalateBody(@Nullable String requirement) {}

    @GetMapping("/api/v1/supervision/notices")
    PageResult<NoticeView> list(@RequestParam(required = false) @Nullable NoticeStatus status,
                                @RequestParam(required = false) @Nullable NoticeLevel level,
                                @RequestParam(required = false) @Nullable Long unitId,
                                @RequestParam(required = false) @Nullable Long taskId,
                                @RequestParam(required = false) @Nullable Integer page,
                                @RequestParam(required = false) @Nullable Integer size, DataScope scope) {
        return notices.notices(status, level, unitId, taskId, scope, PageQuery.of(page, size));
    }

    @PostMapping("/api/v1/supervision/notices")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    ResponseEntity<NoticeView> create(@RequestBody NoticeCommand command, @AuthenticationPrincipal CurrentUser user,
                                      DataScope scope) {
        var problems = validator.validate(command).stream()
                .map(v -> new InvalidInput.FieldProblem(v.getPropertyPath().toString(), null, v.getMessage()))
                .sorted(Comparator.comparing(InvalidInput.FieldProblem::field)).toList();
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems.get(0).message(), problems);
        }
        NoticeView notice = notices.create(command, user, scope);
        return ResponseEntity.created(URI.create("/api/v1/supervision/notices/" + notice.id())).body(notice);
    }

    @GetMapping("/api/v1/supervision/notices/{id}")
    NoticeView get(@PathVariable long id, DataScope scope) {
        return notices.notice(id, scope);
    }

    @PostMapping("/api/v1/supervision/notices/{id}/responses")
    @PreAuthorize("hasAnyRole('UNIT_HEAD', 'LIAISON', 'LEADER')")
    ResponseEntity<NoticeView> respond(@PathVariable long id, @RequestBody ResponseBody body,
                                       @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        NoticeView notice = notices.respond(id, body.text(), body.evidenceIds(), user, scope);
        return ResponseEntity.created(URI.create("/api/v1/supervision/notices/" + id)).body(notice);
    }

    @PostMapping("/api/v1/supervision/notices/{id}/close")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    NoticeView close(@PathVariable long id, @RequestBody(required = false) @Nullable NoteBody body,
                     @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        return notices.close(id, body == null ? null : body.note(), user, scope);
    }

    @PostMapping("/api/v1/supervision/notices/{id}/escalate")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    ResponseEntity<NoticeView> escalate(@PathVariable long id, @RequestBody(required = false) @Nullable EscalateBody body,
                                        @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        NoticeView next = notices.escalate(id, body == null ? null : body.requirement(), user, scope);
        return ResponseEntity.created(URI.create("/api/v1/supervision/notices/" + next.id())).body(next);
    }
}
