package org.gongjian.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.EnumSet;
import java.util.List;

import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
import org.gongjian.shared.DataScope;
import org.junit.jupiter.api.Test;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * A bulk approval is one transaction per report: a report whose approval PostgreSQL gives up over locks is approved on
 * a second attempt, or after three listed as not approved — the reports before it stay approved, those after it are
 * still tried, and the office sees which one to approve again.
 */
class BulkApprovalLockTests {

    private final ReportService reports = mock(ReportService.class);
    private final ReportApprovals approvals = new ReportApprovals(reports);
    private final CurrentUser office = new CurrentUser(7, "duchashi", null, 1L, EnumSet.of(Role.SUPERVISOR));

    @Test
    void aLockFailureIsRetriedAndAfterThreeAttemptsListedWithoutStoppingTheBatch() {
        ReportView approved = mock(ReportView.class);
        when(approved.taskTitle()).thenReturn("稳就业");
        when(approved.status()).thenReturn(ReportStatus.APPROVED);
        when(reports.approve(eq(1L), isNull(), isNull(), any(), any()))
                .thenThrow(new PessimisticLockingFailureException("deadlock detected")).thenReturn(approved);
        when(reports.approve(eq(2L), isNull(), isNull(), any(), any()))
                .thenThrow(new PessimisticLockingFailureException("deadlock detected"));
        when(reports.approve(eq(3L), isNull(), isNull(), any(), any())).thenReturn(approved);

        List<ReportApprovals.Outcome> outcomes = approvals.approveAll(List.of(1L, 2L, 3L), null, office,
                DataScope.everything());

        assertThat(outcomes).extracting(ReportApprovals.Outcome::approved).containsExactly(true, false, true);
        assertThat(outcomes.get(1).problem()).contains("系统繁忙", "未审核");
        verify(reports, times(2)).approve(eq(1L), isNull(), isNull(), any(), any());
        verify(reports, times(3)).approve(eq(2L), isNull(), isNull(), any(), any());
        verify(reports, times(1)).approve(eq(3L), isNull(), isNull(), any(), any());
    }
}
