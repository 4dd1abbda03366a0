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
        @NotBlank(message = "请填写名称") @Size(max = 100, message = "名称不超过100字") String name,
        @NotNull(message = "请填写年度") @Min(value = 2000, message = "年度不正确") @Max(value = 2100, message = "年度不正确") Integer year,
        @NotNull(message = "请填写开始日期") LocalDate startDate,
        @NotNull(message = "请填写结束日期") LocalDate endDate,
        @NotNull(message = "请选择牵头单位") Long ownerUnitId,
        @Nullable Long parentCampaignId,
        @NotNull(message = "请选择报送频次") ReportingFrequency reportingFrequency,
        @Nullable @Min(value = 1, message = "截止日须在1到28之间") @Max(value = 28, message = "截止日须在1到28之间") Integer reportDeadlineDay,
        @Nullable List<@NotBlank @Size(max = 30) String> categories,
        @Nullable @Min(value = 1, message = "阈值须在1到100之间") @Max(value = 100, message = "阈值须在1到100之间") Integer yellowBehindPct,
        @Nullable @Min(value = 1, message = "阈值须在1到100之间") @Max(value = 100, message = "阈值须在1到100之间") Integer redBehindPct,
        @Nullable @Min(value = 1, message = "天数须在1到60之间") @Max(value = 60, message = "天数须在1到60之间") Integer dueSoonDays) {

    /** GLOSSARY.md 领域. */
    public static final List<String> DEFAULT_CATEGORIES = List.of("脱贫攻坚", "生态环保", "社会稳定", "民生改善",
            "城市社区治理", "人才工作", "改革创新", "项目建设", "招商引资");
}
