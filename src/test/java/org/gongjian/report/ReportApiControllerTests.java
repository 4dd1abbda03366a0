package org.gongjian.report;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
import org.gongjian.org.OrgService;
import org.gongjian.shared.Conflict;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.Forbidden;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.NotFound;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The report API as a web slice: only its controllers (the report and its review), the problem+json advice and the data-scope resolver, with the
 * service mocked. What it pins down is the HTTP contract — which domain failure becomes which status, that every
 * error is problem+json with a Chinese title, that If-Match reaches the service as the version, and that a bad body
 * never reaches the service at all.
 */
@WebMvcTest({ ReportApiController.class, ReportReviewApiController.class })
class ReportApiControllerTests {

    static final CurrentUser OFFICE = new CurrentUser(7, "duchashi", null, null, EnumSet.of(Role.SUPERVISOR, Role.ADMIN));

    @Autowired MockMvc mvc;
    @MockitoBean ReportService reports;
    @MockitoBean OrgService org;
    /** The personal-data read trail's interceptor is part of every MVC slice; it writes through JDBC. */
    @MockitoBean org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @MockitoBean java.time.Clock clock;

    @Test
    void anApprovalPassesIfMatchOnAsTheVersionAndAnswersTheReport() throws Exception {
        given(reports.approve(eq(5L), eq(3), any(), eq(DataScope.everything()))).willReturn(report(5, ReportStatus.APPROVED, 4));
        mvc.perform(as(post("/api/v1/reports/5/approve").header("If-Match", "\"3\"")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.version").value(4));
        verify(reports).approve(eq(5L), eq(3), eq(OFFICE), eq(DataScope.everything()));
    }

    @Test
    void domainFailuresBecomeTheirStatusAsProblems() throws Exception {
        given(reports.approve(eq(1L), isNull(), any(), any())).willThrow(new Forbidden("不能审核自己提交的报告"));
        given(reports.approve(eq(2L), isNull(), any(), any())).willThrow(new NotFound("report", 2L));
        given(reports.approve(eq(3L), isNull(), any(), any())).willThrow(new Conflict("report.stale", "报告已被他人修改，请刷新后再操作"));
        given(reports.returnReport(eq(4L), isNull(), isNull(), any(), any()))
                .willThrow(InvalidInput.of("reason", "请写明退回原因"));

        problem(mvc.perform(as(post("/api/v1/reports/1/approve"))).andExpect(status().isForbidden()));
        problem(mvc.perform(as(post("/api/v1/reports/2/approve"))).andExpect(status().isNotFound()));
        problem(mvc.perform(as(post("/api/v1/reports/3/approve"))).andExpect(status().isConflict()))
                .andExpect(jsonPath("$.detail").value("报告已被他人修改，请刷新后再操作"));
        // a rule on the content (a reason is required) is 422 with the field named; a body that can't be read is 400
        problem(mvc.perform(as(post("/api/v1/reports/4/return").contentType(MediaType.APPLICATION_JSON).content("{}")))
                .andExpect(status().isUnprocessableContent()))
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
    }

    @Test
    void aBadIfMatchOrABrokenBodyNeverReachesTheService() throws Exception {
        problem(mvc.perform(as(post("/api/v1/reports/5/approve").header("If-Match", "\"v3\"")))
                .andExpect(status().isUnprocessableContent()))
                .andExpect(jsonPath("$.errors[0].field").value("If-Match"));
        problem(mvc.perform(as(put("/api/v1/reports/5").header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"progressText\": ")))
                .andExpect(status().isBadRequest()));
        problem(mvc.perform(as(put("/api/v1/reports/5").header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"indicatorValues\": \"many\"}")))
                .andExpect(status().isBadRequest()));
        verify(reports, never()).approve(anyLong(), any(), any(), any());
        verify(reports, never()).update(anyLong(), anyInt(), any(), any(), any());
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
        return request.with(user(OFFICE)).with(csrf());
    }

    private static org.springframework.test.web.servlet.ResultActions problem(
            org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return result.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").isNotEmpty());
    }

    private static ReportView report(long id, ReportStatus status, int version) {
        return new ReportView(id, 10, "稳就业", 1, 2, "甲镇", "2026-06", "2026年6月", LocalDate.of(2026, 7, 5), 1, null,
                List.of(), "进展", null, null, List.of(), status, null, false, "lianluo", Instant.parse("2026-07-01T00:00:00Z"),
                null, null, null, null, null, null, List.of(), List.of(), version);
    }
}
