package org.gongjian.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.gongjian.campaign.CampaignCommand;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.Direction;
import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.campaign.SubtaskCommand;
import org.gongjian.campaign.TaskCommand;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.shared.DataScope;
import org.springframework.stereotype.Component;

/**
 * The demo campaign 示范县2026年重点工作攻坚年: the task catalogue in {@code demo/tasks.txt}, some county targets
 * split among the townships, and progress to date — milestones done and indicator values along (or behind) plan,
 * seeded so every run looks the same.
 */
@Component
class DemoCampaign {

    private final CampaignService campaigns;
    private final TaskService tasks;

    DemoCampaign(CampaignService campaigns, TaskService tasks) {
        this.campaigns = campaigns;
        this.tasks = tasks;
    }

    record Line(String category, String title, int department, String indicator, String unit, BigDecimal baseline,
                BigDecimal target, Direction direction, boolean split, List<String[]> milestones) {}

    /** The demo campaign's id, once loaded. */
    private long campaignId;

    long campaignId() {
        return campaignId;
    }

    /** @return the number of tasks created, subtasks included */
    int load(long seed, Map<String, Long> unitIds, Map<Long, String> unitNames, Map<String, Long> personIds,
             String county, LocalDate today) {
        Random random = new Random(seed);
        DataScope all = DataScope.everything();
        int year = 2026;
        CampaignView campaign = campaigns.create(new CampaignCommand("示范县" + year + "年重点工作攻坚年", year,
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), unitIds.get(county), null,
                ReportingFrequency.MONTHLY, 5, null, null, null, null), all);
        campaignId = campaign.id();
        List<Long> leaders = new ArrayList<>();
        for (String key : List.of("-secretary", "-mayor", "-deputy-secretary", "-executive", "-vice1", "-vice2", "-vice3", "-vice4")) {
            leaders.add(personIds.get(county + key));
        }
        List<Long> townships = new ArrayList<>();
        for (int t = 1; unitIds.containsKey(county + "T%02d".formatted(t)); t++) {
            townships.add(unitIds.get(county + "T%02d".formatted(t)));
        }
        int created = 0;
        int index = 0;
        for (Line line : catalogue()) {
            long lead = unitIds.get(county + "D%02d".formatted(line.department() + 1));
            Long cooperating = unitIds.get(county + "D%02d".formatted((line.department() + 7) % 30 + 1));
            List<TaskCommand.MilestoneInput> milestones = line.milestones().stream()
                    .map(m -> new TaskCommand.MilestoneInput(null, m[1], LocalDate.parse(year + "-" + m[0]), null)).toList();
            TaskView task = tasks.create(campaign.id(), new TaskCommand(line.title(), null, line.category(), lead,
                    leaders.get(index++ % leaders.size()), cooperating.equals(lead) ? List.of() : List.of(cooperating),
                    BigDecimal.valueOf(1 + random.nextInt(3)), campaign.startDate(), campaign.endDate(),
                    List.of(new TaskCommand.IndicatorInput(null, line.indicator(), line.unit(), line.baseline(),
                            line.target(), line.direction())), milestones), all);
            created++;
            if (line.split()) {
                created += split(task, townships, unitNames, random, all, today);
            } else {
                progress(task, random, today);
            }
        }
        return created;
    }

    private int split(TaskView task, List<Long> townships, Map<Long, String> unitNames, Random random, DataScope all,
                      LocalDate today) {
        TaskView.IndicatorView indicator = task.indicators().get(0);
        List<SubtaskCommand> shares = new ArrayList<>();
        double[] weights = random.doubles(townships.size(), 0.6, 1.4).toArray();
        double sum = java.util.Arrays.stream(weights).sum();
        BigDecimal span = indicator.target().subtract(indicator.baseline());
        for (int i = 0; i < townships.size(); i++) {
            BigDecimal share = span.multiply(BigDecimal.valueOf(weights[i] / sum)).setScale(
                    indicator.unit().startsWith("万") ? 2 : 0, RoundingMode.DOWN);
            shares.add(new SubtaskCommand(unitNames.get(townships.get(i)) + "：" + task.title(), townships.get(i), null,
                    share, null, task.dueDate()));
        }
        TaskService.Decomposition result = tasks.decompose(task.id(), shares, all);
        result.subtasks().forEach(sub -> progress(sub, random, today));
        completeMilestones(task, random, today);
        return result.subtasks().size();
    }

    /** Milestones past due are mostly done; indicator values follow the plan, some tasks lagging well behind. */
    private void progress(TaskView task, Random random, LocalDate today) {
        completeMilestones(task, random, today);
        double elapsed = Math.min(1.0, Math.max(0.0, ChronoUnit.DAYS.between(task.startDate(), today)
                / (double) ChronoUnit.DAYS.between(task.startDate(), task.dueDate())));
        if (elapsed <= 0) {
            return;
        }
        double pace = random.nextInt(100) < 15 ? 0.3 + random.nextDouble() * 0.3 : 0.85 + random.nextDouble() * 0.3;
        for (TaskView.IndicatorView i : task.indicators()) {
            BigDecimal moved = i.target().subtract(i.baseline()).multiply(BigDecimal.valueOf(elapsed * pace));
            tasks.recordActual(task.id(), i.id(), i.baseline().add(moved).setScale(decimals(i), RoundingMode.HALF_UP));
        }
    }

    /** Counts of people and things are whole numbers; amounts and rates keep decimals. */
    private static int decimals(TaskView.IndicatorView indicator) {
        return java.util.Set.of("人", "个", "处", "家", "户", "条", "起", "件", "次").contains(indicator.unit()) ? 0
                : indicator.target().stripTrailingZeros().scale() > 0 ? 2 : 1;
    }

    private void completeMilestones(TaskView task, Random random, LocalDate today) {
        for (TaskView.MilestoneView m : task.milestones()) {
            if (m.dueDate().isBefore(today) && random.nextInt(100) < 82) {
                tasks.completeMilestone(task.id(), m.id(), m.dueDate().minusDays(random.nextInt(12)));
            }
        }
    }

    static List<Line> catalogue() {
        List<Line> lines = new ArrayList<>();
        try (var in = DemoCampaign.class.getResourceAsStream("/demo/tasks.txt");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String text;
            while ((text = reader.readLine()) != null) {
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                String[] f = text.split("\\|");
                List<String[]> milestones = new ArrayList<>();
                for (String m : f[9].split(";")) {
                    milestones.add(m.trim().split(" ", 2));
                }
                lines.add(new Line(f[0], f[1], Integer.parseInt(f[2]), f[3], f[4], new BigDecimal(f[5]),
                        new BigDecimal(f[6]), f[7].equals("L") ? Direction.LOWER_IS_BETTER : Direction.HIGHER_IS_BETTER,
                        f[8].equals("Y"), milestones));
            }
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("demo/tasks.txt is missing or unreadable", e);
        }
        return lines;
    }
}
