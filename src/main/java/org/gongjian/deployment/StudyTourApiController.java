package org.gongjian.deployment;

import java.net.URI;
import java.util.List;

import org.gongjian.campaign.TaskView;
import org.gongjian.identity.CurrentUser;
import org.gongjian.shared.DataScope;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 考察学习 over {@code /api/v1}: tours, study reports with findings, a finding turned into a task. */
@RestController
class StudyTourApiController {

    private final StudyTourService tours;

    StudyTourApiController(StudyTourService tours) {
        this.tours = tours;
    }

    @GetMapping("/api/v1/study-tours")
    List<StudyTourView> list(@AuthenticationPrincipal CurrentUser user, DataScope scope) {
        return tours.tours(user, scope);
    }

    @PostMapping("/api/v1/study-tours")
    ResponseEntity<StudyTourView> create(@RequestBody StudyTourCommand command, @AuthenticationPrincipal CurrentUser user,
                                         DataScope scope) {
        StudyTourView tour = tours.create(command, user, scope);
        return ResponseEntity.created(URI.create("/api/v1/study-tours/" + tour.id())).body(tour);
    }

    @GetMapping("/api/v1/study-tours/{id}")
    StudyTourView get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        return tours.tour(id, user, scope);
    }

    @PostMapping("/api/v1/study-tours/{id}/reports")
    ResponseEntity<StudyTourView> report(@PathVariable long id, @RequestParam(required = false) @Nullable Long personId,
                                         @RequestBody StudyTourCommand.Report report,
                                         @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        StudyTourView tour = tours.report(id, personId, report, user, scope);
        return ResponseEntity.created(URI.create("/api/v1/study-tours/" + id)).body(tour);
    }

    @PostMapping("/api/v1/study-tours/findings/{findingId}/task")
    ResponseEntity<TaskView> adopt(@PathVariable long findingId, @RequestBody StudyTourCommand.Adoption adoption,
                                   @AuthenticationPrincipal CurrentUser user, DataScope scope) {
        TaskView task = tours.adopt(findingId, adoption, user, scope);
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + task.id())).body(task);
    }
}
