package org.gongjian.talent;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The holiday calendar the admin maintains (放假 and 调休上班 days), seeded with the State Council's 2026 notice. */
@Service
@Transactional
public class HolidayCalendar {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    HolidayCalendar(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<HolidayView> year(int year) {
        return jdbc.sql("SELECT holiday_date, kind, name FROM talent_holiday WHERE holiday_date BETWEEN :from AND :to ORDER BY holiday_date")
                .param("from", Date.valueOf(LocalDate.of(year, 1, 1))).param("to", Date.valueOf(LocalDate.of(year, 12, 31)))
                .query((rs, n) -> new HolidayView(rs.getDate("holiday_date").toLocalDate(),
                        WorkingCalendar.DayKind.valueOf(rs.getString("kind")), rs.getString("name"))).list();
    }

    /** Every maintained day: a few dozen a year, so the whole calendar is one small read. */
    @Transactional(readOnly = true)
    public WorkingCalendar calendar() {
        Map<LocalDate, WorkingCalendar.DayKind> days = new HashMap<>();
        jdbc.sql("SELECT holiday_date, kind FROM talent_holiday").query(rs -> {
            days.put(rs.getDate("holiday_date").toLocalDate(), WorkingCalendar.DayKind.valueOf(rs.getString("kind")));
        });
        return new WorkingCalendar(days);
    }

    public HolidayView put(LocalDate day, WorkingCalendar.@Nullable DayKind kind, @Nullable String name) {
        String clean = name == null ? "" : name.strip();
        if (kind == null) {
            throw InvalidInput.of("kind", "请选择放假或调休上班");
        }
        if (clean.isEmpty() || clean.length() > 40) {
            throw InvalidInput.of("name", "请填写节日名称（不超过40字）");
        }
        HolidayView before = find(day);
        if (before == null) {
            jdbc.sql("INSERT INTO talent_holiday (holiday_date, kind, name) VALUES (:day, :kind, :name)")
                    .param("day", Date.valueOf(day)).param("kind", kind.name()).param("name", clean).update();
        } else {
            jdbc.sql("UPDATE talent_holiday SET kind = :kind, name = :name WHERE holiday_date = :day")
                    .param("day", Date.valueOf(day)).param("kind", kind.name()).param("name", clean).update();
        }
        HolidayView after = new HolidayView(day, kind, clean);
        events.publishEvent(new AuditableChange(before == null ? "holiday.create" : "holiday.update", "holiday",
                day.toString(), before, after));
        return after;
    }

    public void remove(LocalDate day) {
        HolidayView before = find(day);
        if (before == null) {
            throw new NotFound("holiday", day);
        }
        jdbc.sql("DELETE FROM talent_holiday WHERE holiday_date = :day").param("day", Date.valueOf(day)).update();
        events.publishEvent(new AuditableChange("holiday.delete", "holiday", day.toString(), before, null));
    }

    private @Nullable HolidayView find(LocalDate day) {
        return jdbc.sql("SELECT holiday_date, kind, name FROM talent_holiday WHERE holiday_date = :day").param("day", Date.valueOf(day))
                .query((rs, n) -> new HolidayView(rs.getDate("holiday_date").toLocalDate(),
                        WorkingCalendar.DayKind.valueOf(rs.getString("kind")), rs.getString("name"))).optional().orElse(null);
    }
}
