package org.gongjian.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The task form as the page binds it: fixed blank rows for indicators and milestones, empty rows ignored. */
public class TaskForm {

    static final int INDICATOR_ROWS = 3;
    static final int MILESTONE_ROWS = 6;

    private String title = "";
    private String description = "";
    private String category = "";
    private @Nullable Long leadUnitId;
    private @Nullable Long leadLeaderId;
    private List<Long> cooperatingUnitIds = new ArrayList<>();
    private @Nullable BigDecimal weight = BigDecimal.ONE;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate startDate;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate dueDate;
    private int version;
    private List<IndicatorRow> indicators = new ArrayList<>();
    private List<MilestoneRow> milestones = new ArrayList<>();

    static TaskForm blank(CampaignView campaign) {
        TaskForm form = new TaskForm();
        form.startDate = campaign.startDate();
        form.dueDate = campaign.endDate();
        form.category = campaign.categories().isEmpty() ? "" : campaign.categories().get(0);
        return form.padded();
    }

    static TaskForm of(TaskView task) {
        TaskForm form = new TaskForm();
        form.title = task.title();
        form.description = task.description() == null ? "" : task.description();
        form.category = task.category();
        form.leadUnitId = task.leadUnitId();
        form.leadLeaderId = task.leadLeaderId();
        form.cooperatingUnitIds = new ArrayList<>(task.cooperatingUnitIds());
        form.weight = task.weight();
        form.startDate = task.startDate();
        form.dueDate = task.dueDate();
        form.version = task.version();
        task.indicators().forEach(i -> form.indicators.add(new IndicatorRow(i.id(), i.name(), i.unit(), i.baseline(),
                i.target(), i.direction())));
        task.milestones().forEach(m -> form.milestones.add(new MilestoneRow(m.id(), m.title(), m.dueDate(), m.doneDate())));
        return form.padded();
    }

    TaskForm padded() {
        int indicatorRows = Math.max(INDICATOR_ROWS, indicators.size() + 1);
        while (indicators.size() < indicatorRows) {
            indicators.add(new IndicatorRow());
        }
        int milestoneRows = Math.max(MILESTONE_ROWS, milestones.size() + 2);
        while (milestones.size() < milestoneRows) {
            milestones.add(new MilestoneRow());
        }
        return this;
    }

    @SuppressWarnings("NullAway")
    TaskCommand toCommand() {
        List<TaskCommand.IndicatorInput> in = indicators.stream().filter(r -> !r.isBlank())
                .map(r -> new TaskCommand.IndicatorInput(r.id, r.name.trim(), r.unit.trim(), r.baseline, r.target,
                        r.direction)).toList();
        List<TaskCommand.MilestoneInput> ms = milestones.stream().filter(r -> !r.isBlank())
                .map(r -> new TaskCommand.MilestoneInput(r.id, r.title.trim(), r.dueDate, r.doneDate)).toList();
        return new TaskCommand(title, description.isBlank() ? null : description, category, leadUnitId, leadLeaderId,
                cooperatingUnitIds, weight, startDate, dueDate, in, ms);
    }

    public static class IndicatorRow {
        private @Nullable Long id;
        private String name = "";
        private String unit = "";
        private @Nullable BigDecimal baseline;
        private @Nullable BigDecimal target;
        private Direction direction = Direction.HIGHER_IS_BETTER;

        public IndicatorRow() {
        }

        IndicatorRow(long id, String name, String unit, BigDecimal baseline, BigDecimal target, Direction direction) {
            this.id = id;
            this.name = name;
            this.unit = unit;
            this.baseline = baseline;
            this.target = target;
            this.direction = direction;
        }

        boolean isBlank() {
            return name.isBlank() && unit.isBlank() && baseline == null && target == null;
        }

        public @Nullable Long getId() { return id; }
        public void setId(@Nullable Long id) { this.id = id; }
        public String getName() { return name; }
        public void setName(@Nullable String name) { this.name = name == null ? "" : name; }
        public String getUnit() { return unit; }
        public void setUnit(@Nullable String unit) { this.unit = unit == null ? "" : unit; }
        public @Nullable BigDecimal getBaseline() { return baseline; }
        public void setBaseline(@Nullable BigDecimal baseline) { this.baseline = baseline; }
        public @Nullable BigDecimal getTarget() { return target; }
        public void setTarget(@Nullable BigDecimal target) { this.target = target; }
        public Direction getDirection() { return direction; }
        public void setDirection(@Nullable Direction direction) { this.direction = direction == null ? Direction.HIGHER_IS_BETTER : direction; }
    }

    public static class MilestoneRow {
        private @Nullable Long id;
        private String title = "";
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private @Nullable LocalDate dueDate;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private @Nullable LocalDate doneDate;

        public MilestoneRow() {
        }

        MilestoneRow(long id, String title, LocalDate dueDate, @Nullable LocalDate doneDate) {
            this.id = id;
            this.title = title;
            this.dueDate = dueDate;
            this.doneDate = doneDate;
        }

        boolean isBlank() {
            return title.isBlank() && dueDate == null && doneDate == null;
        }

        public @Nullable Long getId() { return id; }
        public void setId(@Nullable Long id) { this.id = id; }
        public String getTitle() { return title; }
        public void setTitle(@Nullable String title) { this.title = title == null ? "" : title; }
        public @Nullable LocalDate getDueDate() { return dueDate; }
        public void setDueDate(@Nullable LocalDate dueDate) { this.dueDate = dueDate; }
        public @Nullable LocalDate getDoneDate() { return doneDate; }
        public void setDoneDate(@Nullable LocalDate doneDate) { this.doneDate = doneDate; }
    }

    public String getTitle() { return title; }
    public void setTitle(@Nullable String title) { this.title = title == null ? "" : title; }
    public String getDescription() { return description; }
    public void setDescription(@Nullable String description) { this.description = description == null ? "" : description; }
    public String getCategory() { return category; }
    public void setCategory(@Nullable String category) { this.category = category == null ? "" : category; }
    public @Nullable Long getLeadUnitId() { return leadUnitId; }
    public void setLeadUnitId(@Nullable Long leadUnitId) { this.leadUnitId = leadUnitId; }
    public @Nullable Long getLeadLeaderId() { return leadLeaderId; }
    public void setLeadLeaderId(@Nullable Long leadLeaderId) { this.leadLeaderId = leadLeaderId; }
    public List<Long> getCooperatingUnitIds() { return cooperatingUnitIds; }
    public void setCooperatingUnitIds(@Nullable List<Long> ids) { this.cooperatingUnitIds = ids == null ? new ArrayList<>() : ids; }
    public @Nullable BigDecimal getWeight() { return weight; }
    public void setWeight(@Nullable BigDecimal weight) { this.weight = weight; }
    public @Nullable LocalDate getStartDate() { return startDate; }
    public void setStartDate(@Nullable LocalDate startDate) { this.startDate = startDate; }
    public @Nullable LocalDate getDueDate() { return dueDate; }
    public void setDueDate(@Nullable LocalDate dueDate) { this.dueDate = dueDate; }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
    public List<IndicatorRow> getIndicators() { return indicators; }
    public void setIndicators(@Nullable List<IndicatorRow> indicators) { this.indicators = indicators == null ? new ArrayList<>() : indicators; }
    public List<MilestoneRow> getMilestones() { return milestones; }
    public void setMilestones(@Nullable List<MilestoneRow> milestones) { this.milestones = milestones == null ? new ArrayList<>() : milestones; }
}
