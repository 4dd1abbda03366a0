package org.gongjian.campaign;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.MalformedInput;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Tasks, decomposition and history over {@code /api/v1}. */
@RestController
class TaskApiController {

    private final TaskService tasks;
    private final JsonMapper json;
    private final jakarta.validation.Validator validator;

    TaskApiController(TaskService tasks, JsonMapper json, jakarta.validation.Validator validator) {
        this.tasks = tasks;
        this.json = json;
        this.validator = validator;
    }

    @GetMapping("/api/v1/campaigns/{campaignId}/tasks")
    PageResult<TaskRow> list(@PathVariable long campaignId, @RequestParam(required = false) @Nullable Light light,
                             @RequestParam(required = false) @Nullable String category,
                             @RequestParam(required = false) @Nullable Long leadUnitId,
                             @RequestParam(required = false) @Nullable String q,
                             @RequestParam(defaultValue = "false") boolean topLevel,
                             @RequestParam(required = false) @Nullable Integer page,
                             @RequestParam(required = false) @Nullable Integer size, DataScope scope) {
        return tasks.tasks(campaignId, new TaskFilter(category, light, leadUnitId, q, topLevel, false), scope,
                PageQuery.of(page, size));
    }

    @PostMapping("/api/v1/campaigns/{campaignId}/tasks")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    ResponseEntity<TaskView> create(@PathVariable long campaignId, @Valid @RequestBody TaskCommand command,
                                    DataScope scope) {
        TaskView task = tasks.create(campaignId, command, scope);
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + task.id())).body(task);
    }

    @GetMapping("/api/v1/tasks/{id}")
    TaskView get(@PathVariable long id, DataScope scope) {
        return tasks.task(id, scope);
    }

    /** {@code If-Match: <version>} makes the update conditional; without it the current version is taken. */
    @PutMapping("/api/v1/tasks/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    TaskView update(@PathVariable long id, @Valid @RequestBody TaskCommand command,
                    @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, DataScope scope) {
        int version = ifMatch == null ? tasks.task(id, scope).version() : parseVersion(ifMatch);
        return tasks.update(id, version, command, scope);
    }

    @GetMapping("/api/v1/tasks/{id}/subtasks")
    List<TaskRow> subtasks(@PathVariable long id, DataScope scope) {
        return tasks.subtasks(id, scope);
    }

    /** One share {@code {title, leadUnitId, leadLeaderId, target, dueDate}} or an array of them. */
    @PostMapping("/api/v1/tasks/{id}/subtasks")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'UNIT_HEAD')")
    ResponseEntity<TaskService.Decomposition> decompose(@PathVariable long id, @RequestBody JsonNode body,
                                                         DataScope scope) {
        if (body == null || !body.isArray() && !body.isObject()) {
            throw MalformedInput.of("body", "请以一个分解份额对象或其数组提交");
        }
        for (int i = 0; body.isArray() && i < body.size(); i++) {
            if (!body.get(i).isObject()) {
                // The element's index as the field, like the other list errors, so the form can point at the row.
                throw MalformedInput.of("[" + i + "]", "分解份额数组中的每一项都应是对象");
            }
        }
        List<SubtaskCommand> shares = body.isArray()
                ? json.readerForListOf(SubtaskCommand.class).readValue(body)
                : List.of(json.treeToValue(body, SubtaskCommand.class));
        SubtaskValidation.check(shares, validator);
        TaskService.Decomposition result = tasks.decompose(id, shares, scope);
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + id + "/subtasks")).body(result);
    }

    @GetMapping("/api/v1/tasks/{id}/history")
    List<TaskChange> history(@PathVariable long id, DataScope scope) {
        return tasks.history(id, scope);
    }

    private static int parseVersion(String ifMatch) {
        try {
            return Integer.parseInt(ifMatch.replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            throw org.gongjian.shared.InvalidInput.of("If-Match", "If-Match 须为任务的版本号");
        }
    }
}
