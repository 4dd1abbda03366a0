package org.gongjian.campaign;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Create a campaign. Missing categories take the glossary's default set; missing thresholds the defaults. */
public record CampaignCommand(
        @NotBlank(message = "{validation.m31}") @Size(max = 100, message = "{validation.m05}") String name,
        @NotNull(message = "{validation.m37}") @Min(value = 2000, message = "{validation.m10}") @Max(value = 2100, message = "{validation.m10}") Integer year,
        @NotNull(message = "{validation.m38}") LocalDate startDate,
        @NotNull(message = "{validation.m42}") LocalDate endDate,
        @NotNull(message = "{validation.m57}") Long ownerUnitId,
        @Nullable Long parentCampaignId,
        @NotNull(message = "{validation.m54}") ReportingFrequency reportingFrequency,
        @Nullable @Min(value = 1, message = "{validation.m12}") @Max(value = 28, message = "{validation.m12}") Integer reportDeadlineDay,
        @Nullable List<@NotBlank @Size(max = 30) String> categories,
        @Nullable @Min(value = 1, message = "{validation.m62}") @Max(value = 100, message = "{validation.m62}") Integer yellowBehindPct,
        @Nullable @Min(value = 1, message = "{validation.m62}") @Max(value = 100, message = "{validation.m62}") Integer redBehindPct,
        @Nullable @Min(value = 1, message = "{validation.m07}") @Max(value = 60, message = "{validation.m07}") Integer dueSoonDays) {

    /** GLOSSARY.md 领域. */
    public static final List<String> DEFAULT_CATEGORIES = List.of("脱贫攻坚", "生态环保", "社会稳定", "民生改善",
            "城市社区治理", "人才工作", "改革创新", "项目建设", "招商引资");
}
