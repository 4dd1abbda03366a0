package org.gongjian.campaign.workbook;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.gongjian.campaign.Light;
import org.gongjian.campaign.TaskFilter;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.PersonalDataRead;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The task list as xlsx over {@code /api/v1}: the campaign's template, the all-or-nothing import (422 with every
 * row problem) and the export with the list filters.
 */
@RestController
class TaskWorkbookApiController {

    private final TaskImporter importer;
    private final TaskExporter exporter;

    TaskWorkbookApiController(TaskImporter importer, TaskExporter exporter) {
        this.importer = importer;
        this.exporter = exporter;
    }

    @GetMapping("/api/v1/campaigns/{campaignId}/tasks/template")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    ResponseEntity<byte[]> template(@PathVariable long campaignId, DataScope scope) {
        return TaskWorkbookController.templateResponse(exporter, campaignId, scope);
    }

    @PostMapping("/api/v1/campaigns/{campaignId}/tasks/import")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    TaskImporter.ImportResult importTasks(@PathVariable long campaignId,
                                          @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
                                          DataScope scope) {
        return TaskWorkbookController.run(importer, campaignId, file, scope);
    }

    @GetMapping("/api/v1/campaigns/{campaignId}/tasks/export")
    @PersonalDataRead("task-export")
    void export(@PathVariable long campaignId, @RequestParam(required = false) @Nullable Light light,
                @RequestParam(required = false) @Nullable String category,
                @RequestParam(required = false) @Nullable Long leadUnitId,
                @RequestParam(required = false) @Nullable String q,
                @RequestParam(defaultValue = "false") boolean topLevel, DataScope scope,
                HttpServletResponse response) throws IOException {
        TaskWorkbookController.write(exporter.export(campaignId,
                new TaskFilter(category, light, leadUnitId, q, topLevel, false), scope), response);
    }
}
