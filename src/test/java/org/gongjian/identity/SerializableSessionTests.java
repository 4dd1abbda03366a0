package org.gongjian.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;

import org.gongjian.pledge.Verification;
import org.gongjian.report.ReportApprovals;
import org.gongjian.report.ReportStatus;
import org.gongjian.shared.InvalidInput;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.SerializableSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Shipped sessions are stored in the database, so whatever goes into a session — the security context of a full or
 * half-finished (second factor pending) login, the shell's cached user, flash attributes — must serialise.
 * {@link SerializableSessions} checks that after every request of every integration test; here: that the check
 * catches an attribute that would not store, that it is wired into MockMvc, and the flash values that are not plain
 * strings (a pledge's verification, the refusals of a batch approval, an import's problems) survive the round trip.
 * {@code SessionsAcrossNodesTests} shows a batch approval's refusals crossing nodes through the real JDBC store.
 */
class SerializableSessionTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired OrgFixtures fixtures;

    @Test
    void theCheckNamesAnAttributeADatabaseSessionCouldNotStore() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.getSession().setAttribute("fine", List.of("一", 2L));
        new SerializableSessions.Check().doFilter(request, new MockHttpServletResponse(), new MockFilterChain());

        request.getSession().setAttribute("notStorable", new Object());
        assertThatThrownBy(() -> new SerializableSessions.Check()
                .doFilter(request, new MockHttpServletResponse(), new MockFilterChain()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("notStorable");
    }

    @Test
    void everyMockMvcRequestIsChecked() {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute("notStorable", new Object());
        assertThatThrownBy(() -> mvc.perform(get("/login").session(session)))
                .hasRootCauseInstanceOf(java.io.NotSerializableException.class)
                .hasStackTraceContaining("notStorable");
    }

    @Test
    void theRefusalsOfABatchApprovalAreStoredAndShownAfterTheRedirect() throws Exception {
        MockHttpSession admin = Logins.session(mvc, fixtures.county().adminUser());
        MvcResult posted = mvc.perform(post("/reports/approvals").param("reportIds", "-7").session(admin).with(csrf()))
                .andExpect(redirectedUrl("/reports")).andReturn();
        @SuppressWarnings("unchecked")
        List<ReportApprovals.Outcome> refused = (List<ReportApprovals.Outcome>) posted.getFlashMap().get("refused");
        assertThat(roundTrip(refused)).isEqualTo(refused).hasSize(1);
        String page = mvc.perform(get("/reports").session(admin).flashAttrs(posted.getFlashMap()))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("#-7：报告不存在或不在您的数据范围内");
    }

    @Test
    void theOtherFlashValuesThatAreNotStringsSerialise() throws Exception {
        Verification broken = new Verification(false, 3, 2, "内容哈希不符");
        assertThat(roundTrip(broken)).isEqualTo(broken);
        List<InvalidInput.FieldProblem> problems = List.of(new InvalidInput.FieldProblem("身份证号", 4, "格式有误"));
        assertThat(roundTrip(problems)).isEqualTo(problems);
        ReportApprovals.Outcome approved = new ReportApprovals.Outcome(1L, true, "任务", ReportStatus.APPROVED, null, null);
        assertThat(roundTrip(approved)).isEqualTo(approved);
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
