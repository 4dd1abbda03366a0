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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/people}: cadres and their current positions, within the caller's data scope. */
@RestController
@RequestMapping("/api/v1/people")
class PersonApiController {

    private final OrgService org;

    PersonApiController(OrgService org) {
        this.org = org;
    }

    @GetMapping
    PageResult<PersonView> list(@RequestParam(required = false) @Nullable Long unitId,
                                @RequestParam(defaultValue = "false") boolean subunits,
                                @RequestParam(required = false) @Nullable String q,
                                @RequestParam(required = false) @Nullable Integer page,
                                @RequestParam(required = false) @Nullable Integer size, DataScope scope) {
        return org.people(unitId, subunits, q, scope, PageQuery.of(page, size));
    }

    @GetMapping("/{id}")
    PersonView get(@PathVariable long id, DataScope scope) {
        return org.person(id, scope);
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_DEPT', 'SYS_ADMIN')")
    ResponseEntity<PersonView> create(@Valid @RequestBody PersonCommand command, DataScope scope) {
        PersonView person = org.createPerson(command, scope);
        return ResponseEntity.created(URI.create("/api/v1/people/" + person.id())).body(person);
    }
}
