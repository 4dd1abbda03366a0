package org.gongjian.campaign.instruction;

import org.gongjian.campaign.InstructionView;
import java.net.URI;
import java.util.List;

import org.gongjian.identity.CurrentUser;
import org.gongjian.shared.DataScope;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Leader instructions (领导批示) over {@code /api/v1}: write, list, acknowledge, answer, the open to-do list. */
@RestController
class InstructionApiController {

    private final InstructionService instructions;

    InstructionApiController(InstructionService instructions) {
        this.instructions = instructions;
    }

    record TextBody(@Nullable String text) {}

    @GetMapping("/api/v1/tasks/{id}/instructions")
    List<InstructionView> instructions(@PathVariable long id, DataScope scope) {
        return instructions.forTask(id, scope);
    }

    @PostMapping("/api/v1/tasks/{id}/instructions")
    @PreAuthorize("hasAnyRole('LEADER', 'ADMIN')")
    ResponseEntity<InstructionView> instruct(@PathVariable long id, @RequestBody TextBody body,
                                             @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        InstructionView created = instructions.instruct(id, body.text() == null ? "" : body.text(), user, scope);
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + id + "/instructions")).body(created);
    }

    @PostMapping("/api/v1/instructions/{id}/acknowledge")
    @PreAuthorize("hasAnyRole('UNIT_HEAD', 'LIAISON')")
    InstructionView acknowledge(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        return instructions.acknowledge(id, user, scope);
    }

    @PostMapping("/api/v1/instructions/{id}/answer")
    @PreAuthorize("hasAnyRole('UNIT_HEAD', 'LIAISON')")
    InstructionView answer(@PathVariable long id, @RequestBody TextBody body, @AuthenticationPrincipal CurrentUser user,
                           DataScope scope) {
        return instructions.answer(id, body.text() == null ? "" : body.text(), user, scope);
    }

    @GetMapping("/api/v1/instructions/open")
    List<InstructionView> open(DataScope scope) {
        return instructions.open(scope);
    }

}
