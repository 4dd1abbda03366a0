package org.gongjian.talent;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import jakarta.validation.Validator;
import org.gongjian.identity.CurrentUser;
import org.gongjian.org.OrgService;
import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.Forbidden;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 人才政策: the catalogue every signed-in user may read; the talent office writes it for delivering units in its scope. */
@Service
@Transactional
public class PolicyService {

    private static final String SELECT = """
            SELECT p.*, u.name AS unit_name FROM talent_policy p JOIN org_unit_path u ON u.unit_id = p.unit_id""";

    private final JdbcClient jdbc;
    private final OrgService org;
    private final Validator validator;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PolicyService(JdbcClient jdbc, OrgService org, Validator validator, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.org = org;
        this.validator = validator;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<PolicyView> policies() {
        return jdbc.sql(SELECT + " ORDER BY p.active DESC, p.category, p.id").query((rs, n) -> view(rs)).list();
    }

    @Transactional(readOnly = true)
    public PolicyView policy(long id) {
        return jdbc.sql(SELECT + " WHERE p.id = :id").param("id", id).query((rs, n) -> view(rs)).optional()
                .orElseThrow(() -> new NotFound("talent-policy", id));
    }

    public PolicyView create(PolicyCommand c, CurrentUser user, DataScope scope) {
        if (!TalentService.mayWrite(user)) {
            throw new Forbidden("只有人才办可以维护人才政策");
        }
        var problems = validator.validate(c).stream()
                .map(v -> new InvalidInput.FieldProblem(v.getPropertyPath().toString(), null, v.getMessage()))
                .sorted(Comparator.comparing(InvalidInput.FieldProblem::field)).toList();
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems.get(0).message(), problems);
        }
        org.unit(Objects.requireNonNull(c.unitId()), scope);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO talent_policy (name, category, unit_id, tiers, fields, min_degree, max_years, amount, content,
                    documents, promised_days, active, created_at)
                VALUES (:name, :category, :unit, :tiers, :fields, :degree, :years, :amount, :content, :documents, :days,
                    TRUE, :at)""")
                .param("name", Objects.requireNonNull(c.name()).strip()).param("category", Objects.requireNonNull(c.category()).strip())
                .param("unit", c.unitId()).param("tiers", join(c.tiers())).param("fields", join(c.fields()))
                .param("degree", c.minDegree() == null ? null : c.minDegree().name(), Types.VARCHAR)
                .param("years", c.maxYears(), Types.INTEGER).param("amount", c.amount(), Types.DECIMAL)
                .param("content", Objects.requireNonNull(c.content()).strip()).param("documents", join(c.documents()))
                .param("days", c.promisedDays()).param("at", Timestamp.from(clock.instant())).update(keys, "id");
        PolicyView created = policy(keys.getKeyAs(Number.class).longValue());
        events.publishEvent(AuditableChange.created("talent_policy", created.id(), created));
        return created;
    }

    private static String join(@Nullable List<String> values) {
        return values == null ? "" : String.join(",", values.stream().map(String::strip).filter(v -> !v.isEmpty())
                .map(v -> v.replace(",", "，")).distinct().toList());
    }

    private static List<String> split(@Nullable String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split(",")).toList();
    }

    private static PolicyView view(ResultSet rs) throws SQLException {
        String degree = rs.getString("min_degree");
        int years = rs.getInt("max_years");
        Integer maxYears = rs.wasNull() ? null : years;
        BigDecimal amount = rs.getBigDecimal("amount");
        return new PolicyView(rs.getLong("id"), rs.getString("name"), rs.getString("category"), rs.getLong("unit_id"),
                rs.getString("unit_name"), split(rs.getString("tiers")), split(rs.getString("fields")),
                degree == null ? null : Degree.valueOf(degree), maxYears, amount, rs.getString("content"),
                split(rs.getString("documents")), rs.getInt("promised_days"), rs.getBoolean("active"));
    }
}
