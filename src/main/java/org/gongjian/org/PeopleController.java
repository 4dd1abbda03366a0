package org.gongjian.org;

import org.gongjian.shared.DataScope;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PersonalDataRead;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The cadre list with search; an htmx request gets only the result rows. */
@Controller
class PeopleController {

    private final OrgService org;

    PeopleController(OrgService org) {
        this.org = org;
    }

    @GetMapping("/people")
    @PersonalDataRead("people")
    String list(@RequestParam(required = false) @Nullable String q,
                @RequestParam(required = false) @Nullable Long unitId,
                @RequestParam(defaultValue = "false") boolean subunits,
                @RequestParam(required = false) @Nullable Integer page, DataScope scope, Model model,
                @RequestHeader(name = "HX-Request", defaultValue = "false") boolean htmx) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("unit", unitId == null ? null : org.unit(unitId, scope));
        model.addAttribute("subunits", subunits);
        model.addAttribute("people", org.people(unitId, subunits, q, scope, PageQuery.of(page, 50)));
        return htmx ? "org/people-list :: results" : "org/people-list";
    }
}
