package org.gongjian.deployment;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deployment facts of one cadre, for the performance record (实绩档案) and the assessment: deployments with their
 * monthly presence, rotations he handed over or took over (with the frozen handover list: what was on his watch), and
 * his study-tour findings adopted as tasks. The assessment module reads this; deployment knows nothing of it.
 */
@Service
@Transactional(readOnly = true)
public class DeploymentRecords {

    public record Deployed(DeploymentView deployment, List<Presence.Month> months) {

        public int days() {
            return months.stream().mapToInt(Presence.Month::days).sum();
        }

        public long monthsMet() {
            return months.stream().filter(m -> !m.isShort()).count();
        }
    }

    public record CadreFacts(List<Deployed> deployments, List<RotationView> rotations,
                             List<StudyTourView.Finding> adoptedFindings) {}

    private final DeploymentService deployments;
    private final PresenceService presence;
    private final RotationService rotations;
    private final StudyTourService tours;

    DeploymentRecords(DeploymentService deployments, PresenceService presence, RotationService rotations,
                      StudyTourService tours) {
        this.deployments = deployments;
        this.presence = presence;
        this.rotations = rotations;
        this.tours = tours;
    }

    /** The caller has already checked that the cadre is in its scope. */
    public CadreFacts of(long personId) {
        List<Deployed> deployed = deployments.ofPerson(personId).stream()
                .map(d -> new Deployed(d, presence.months(d))).toList();
        List<RotationView> rotated = rotations.ofPerson(personId).stream()
                .filter(r -> r.status() == RotationStatus.EFFECTIVE).toList();
        return new CadreFacts(deployed, rotated, tours.adoptedOf(personId));
    }
}
