package org.gongjian.org;

import java.net.URI;

import jakarta.validation.Valid;
import org.gongjian.shared.DataScope;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/v1/units}: the unit tree, read within the caller's data scope. */
@RestController
@RequestMapping("/api/v1/units")
class UnitApiController {

    private final OrgService org;
    private final OrgImporter importer;

    UnitApiController(OrgService org, OrgImporter importer) {
        this.org = org;
        this.importer = importer;
    }

    /** Units (sheet 单位) and cadres (sheet 干部) from one workbook, all or nothing. */
    @PostMapping("/import")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_DEPT', 'SYS_ADMIN')")
    OrgImporter.ImportResult importWorkbook(@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
                                            DataScope scope) {
        return OrgImportController.run(importer, file, scope);
    }

    @GetMapping("/import/template")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_DEPT', 'SYS_ADMIN')")
    ResponseEntity<byte[]> template() {
        return OrgImportController.templateResponse();
    }

    @GetMapping
    PageResult<UnitView> list(@RequestParam(required = false) @Nullable Long parentId,
                              @RequestParam(required = false) @Nullable UnitKind kind,
                              @RequestParam(required = false) @Nullable String q,
                              @RequestParam(required = false) @Nullable Integer page,
                              @RequestParam(required = false) @Nullable Integer size, DataScope scope) {
        return org.units(parentId, kind, q, scope, PageQuery.of(page, size));
    }

    @GetMapping("/{id}")
    UnitView get(@PathVariable long id, DataScope scope) {
        return org.unit(id, scope);
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_DEPT', 'SYS_ADMIN')")
    ResponseEntity<UnitView> create(@Valid @RequestBody UnitCommand command, DataScope scope) {
        UnitView unit = org.createUnit(command, scope);
        return ResponseEntity.created(URI.create("/api/v1/units/" + unit.id())).body(unit);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_DEPT', 'SYS_ADMIN')")
    UnitView update(@PathVariable long id, @Valid @RequestBody UnitCommand command, DataScope scope) {
        return org.updateUnit(id, command, scope);
    }
}
