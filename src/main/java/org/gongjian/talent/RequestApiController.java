package org.gongjian.talent;

import java.net.URI;
import java.util.List;

import org.gongjian.identity.CurrentUser;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Policies and service requests over {@code /api/v1/talent-policies} and {@code /api/v1/talent-requests}. */
@RestController
class RequestApiController {

    private final PolicyService policies;
    private final RequestService requests;

    RequestApiController(PolicyService policies, RequestService requests) {
        this.policies = policies;
        this.requests = requests;
    }

    record OpenBody(@Nullable Long talentId, @Nullable Long policyId, @Nullable String note) {}

    record ActionBody(@Nullable RequestAction action, @Nullable Integer version, @Nullable String text) {}

    record RatingBody(@Nullable Rating rating, @Nullable String comment, @Nullable Integer version) {}

    record MessageBody(@Nullable String body, @Nullable String documentName) {}

    @GetMapping("/api/v1/talent-policies")
    List<PolicyView> policies() {
        return policies.policies();
    }

    @GetMapping("/api/v1/talent-policies/{id}")
    PolicyView policy(@PathVariable long id) {
        return policies.policy(id);
    }

    @PostMapping("/api/v1/talent-policies")
    ResponseEntity<PolicyView> createPolicy(@RequestBody PolicyCommand command, @AuthenticationPrincipal CurrentUser user,
                                            DataScope scope) {
        PolicyView created = policies.create(command, user, scope);
        return ResponseEntity.created(URI.create("/api/v1/talent-policies/" + created.id())).body(created);
    }

    /** Whether a talent qualifies, line by line, before a request is opened. */
    @GetMapping("/api/v1/talent-policies/{id}/eligibility")
    Eligibility.Result eligibility(@PathVariable long id, @RequestParam long talentId, DataScope scope) {
        return requests.eligibility(talentId, id, scope);
    }

    @GetMapping("/api/v1/talent-requests")
    PageResult<RequestView> list(@RequestParam(required = false) @Nullable RequestStatus status,
                                 @RequestParam(required = false) @Nullable Long unitId,
                                 @RequestParam(required = false) @Nullable Long talentId,
                                 @RequestParam(defaultValue = "false") boolean overdue,
                                 @RequestParam(required = false) @Nullable Integer page,
                                 @RequestParam(required = false) @Nullable Integer size, DataScope scope) {
        return requests.requests(status, unitId, talentId, overdue, scope, PageQuery.of(page, size));
    }

    @PostMapping("/api/v1/talent-requests")
    ResponseEntity<RequestView> open(@RequestBody OpenBody body, @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        if (body.talentId() == null || body.policyId() == null) {
            throw InvalidInput.of(body.talentId() == null ? "talentId" : "policyId", "请选择人才和政策");
        }
        RequestView created = requests.open(body.talentId(), body.policyId(), body.note(), user, scope);
        return ResponseEntity.created(URI.create("/api/v1/talent-requests/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/talent-requests/{id}")
    RequestView get(@PathVariable long id, DataScope scope) {
        return requests.request(id, scope);
    }

    @PostMapping("/api/v1/talent-requests/{id}/actions")
    RequestView act(@PathVariable long id, @RequestBody ActionBody body, @AuthenticationPrincipal CurrentUser user,
                    DataScope scope) {
        if (body.action() == null) {
            throw InvalidInput.of("action", "请指明办理动作");
        }
        return requests.act(id, version(body.version(), id, scope), body.action(), body.text(), user, scope);
    }

    @PostMapping("/api/v1/talent-requests/{id}/rating")
    RequestView rate(@PathVariable long id, @RequestBody RatingBody body, @AuthenticationPrincipal CurrentUser user,
                     DataScope scope) {
        return requests.rate(id, version(body.version(), id, scope), body.rating(), body.comment(), user, scope);
    }

    @PostMapping("/api/v1/talent-requests/{id}/messages")
    ResponseEntity<RequestView> message(@PathVariable long id, @RequestBody MessageBody body,
                                        @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        RequestView request = requests.message(id, body.body(), body.documentName(), user, scope);
        return ResponseEntity.created(URI.create("/api/v1/talent-requests/" + id)).body(request);
    }

    /** The version the client read (a stale one is a 409); without one, the current version. */
    private int version(@Nullable Integer version, long id, DataScope scope) {
        return version != null ? version : requests.request(id, scope).version();
    }
}
