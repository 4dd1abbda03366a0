package org.gongjian.org;

import java.io.IOException;
import java.io.InputStream;

import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Excel import of units and cadres: the page, the template download, and the same import over the API. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'ORG_DEPT', 'SYS_ADMIN')")
class OrgImportController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final OrgImporter importer;

    OrgImportController(OrgImporter importer) {
        this.importer = importer;
    }

    @GetMapping("/org/import")
    String page() {
        return "org/org-import";
    }

    @PostMapping("/org/import")
    String upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file, DataScope scope,
                  Model model) {
        try {
            model.addAttribute("result", run(importer, file, scope));
        } catch (InvalidInput e) {
            model.addAttribute("failure", e);
        }
        return "org/org-import";
    }

    @GetMapping("/org/import/template.xlsx")
    ResponseEntity<byte[]> template() {
        return templateResponse();
    }

    static ResponseEntity<byte[]> templateResponse() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("单位和干部导入模板.xlsx", java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(XLSX).body(OrgWorkbook.template());
    }

    static OrgImporter.ImportResult run(OrgImporter importer, @Nullable MultipartFile file, DataScope scope) {
        if (file == null || file.isEmpty()) {
            throw InvalidInput.of("file", "请选择要上传的 .xlsx 文件");
        }
        try (InputStream in = file.getInputStream()) {
            String name = file.getOriginalFilename() == null ? "upload.xlsx" : file.getOriginalFilename();
            return importer.importWorkbook(in, name.length() > 150 ? name.substring(0, 150) : name, scope);
        } catch (IOException e) {
            throw InvalidInput.of("file", "文件读取失败，请重新上传");
        }
    }
}
