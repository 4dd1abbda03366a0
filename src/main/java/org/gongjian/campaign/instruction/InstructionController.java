package org.gongjian.campaign.instruction;

import org.gongjian.campaign.InstructionView;
import org.gongjian.identity.CurrentUser;
import org.gongjian.shared.Conflict;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The instruction forms on the task page: write (leaders), acknowledge and answer (the lead unit). */
@Controller
class InstructionController {

    private final InstructionService instructions;

    InstructionController(InstructionService instructions) {
        this.instructions = instructions;
    }

    @PostMapping("/tasks/{id}/instructions")
    @PreAuthorize("hasAnyRole('LEADER', 'ADMIN')")
    String instruct(@PathVariable long id, @RequestParam(defaultValue = "") String text,
                    @AuthenticationPrincipal CurrentUser user, DataScope scope, RedirectAttributes redirect) {
        try {
            instructions.instruct(id, text, user, scope);
            redirect.addFlashAttribute("message", "批示已发送，牵头单位将在待办中看到");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("error", e.problems().get(0).message());
        }
        return "redirect:/tasks/" + id;
    }

    @PostMapping("/instructions/{id}/acknowledge")
    @PreAuthorize("hasAnyRole('UNIT_HEAD', 'LIAISON')")
    String acknowledge(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, DataScope scope,
                       RedirectAttributes redirect) {
        InstructionView instruction = instructions.acknowledge(id, user, scope);
        redirect.addFlashAttribute("message", "已签收批示");
        return "redirect:/tasks/" + instruction.taskId();
    }

    @PostMapping("/instructions/{id}/answer")
    @PreAuthorize("hasAnyRole('UNIT_HEAD', 'LIAISON')")
    String answer(@PathVariable long id, @RequestParam(defaultValue = "") String text,
                  @AuthenticationPrincipal CurrentUser user, DataScope scope, RedirectAttributes redirect) {
        try {
            InstructionView instruction = instructions.answer(id, text, user, scope);
            redirect.addFlashAttribute("message", "已答复批示");
            return "redirect:/tasks/" + instruction.taskId();
        } catch (InvalidInput | Conflict e) {
            redirect.addFlashAttribute("error", e instanceof InvalidInput invalid ? invalid.problems().get(0).message()
                    : e.getMessage());
            return "redirect:/tasks/" + instructions.taskOf(id);
        }
    }
}
