package org.gongjian.campaign.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.Light;
import org.gongjian.campaign.TaskFilter;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.PersonalDataRead;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The task-list import page, and the template and export downloads for the UI (same files as the API). */
@Controller
class TaskWorkbookController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final TaskImporter importer;
    private final TaskExporter exporter;
    private final CampaignService campaigns;

    TaskWorkbookController(TaskImporter importer, TaskExporter exporter, CampaignService campaigns) {
        this.importer = importer;
        this.exporter = exporter;
        this.campaigns = campaigns;
    }

    @GetMapping("/campaigns/{campaignId}/tasks/import")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String page(@PathVariable long campaignId, DataScope scope, Model model) {
        model.addAttribute("campaign", campaigns.campaign(campaignId, scope));
        return "campaign/task-import";
    }

    @PostMapping("/campaigns/{campaignId}/tasks/import")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String upload(@PathVariable long campaignId, @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
                  DataScope scope, Model model) {
        model.addAttribute("campaign", campaigns.campaign(campaignId, scope));
        try {
            model.addAttribute("result", run(importer, campaignId, file, scope));
        } catch (InvalidInput e) {
            model.addAttribute("failure", e);
        }
        return "campaign/task-import";
    }

    @GetMapping("/campaigns/{campaignId}/tasks/template.xlsx")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    ResponseEntity<byte[]> template(@PathVariable long campaignId, DataScope scope) {
        return templateResponse(exporter, campaignId, scope);
    }

    /** Takes the task list page's filters as that page sends them ({@code unitId}; light {@code NONE} = 未评估). */
    @GetMapping("/campaigns/{campaignId}/tasks/export.xlsx")
    @PersonalDataRead("task-export")
    void export(@PathVariable long campaignId, @RequestParam(required = false) @Nullable String light,
                @RequestParam(required = false) @Nullable String category,
                @RequestParam(required = false) @Nullable Long unitId,
                @RequestParam(required = false) @Nullable String q, DataScope scope,
                HttpServletResponse response) throws IOException {
        Light lightFilter = java.util.Arrays.stream(Light.values()).filter(l -> l.name().equals(light)).findFirst()
                .orElse(null);
        write(exporter.export(campaignId, new TaskFilter(category, lightFilter, unitId, q, false, "NONE".equals(light)),
                scope), response);
    }

    static ResponseEntity<byte[]> templateResponse(TaskExporter exporter, long campaignId, DataScope scope) {
        byte[] bytes = exporter.template(campaignId, scope);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, attachment("攻坚清单导入模板.xlsx"))
                .contentType(XLSX).body(bytes);
    }

    /** Writes a built export; its temporary files are gone afterwards whatever happens. */
    static void write(TaskExporter.Export export, HttpServletResponse response) throws IOException {
        try (export) {
            response.setContentType(XLSX.toString());
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(export.fileName()));
            export.writeTo(response.getOutputStream());
        }
    }

    static TaskImporter.ImportResult run(TaskImporter importer, long campaignId, @Nullable MultipartFile file,
                                         DataScope scope) {
        if (file == null || file.isEmpty()) {
            throw InvalidInput.of("file", "请选择要上传的 .xlsx 文件");
        }
        try (InputStream in = file.getInputStream()) {
            String name = file.getOriginalFilename() == null ? "upload.xlsx" : file.getOriginalFilename();
            return importer.importWorkbook(campaignId, in, name.length() > 150 ? name.substring(0, 150) : name, scope);
        } catch (IOException e) {
            throw InvalidInput.of("file", "文件读取失败，请重新上传");
        }
    }

    private static String attachment(String fileName) {
        return ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString();
    }
}
