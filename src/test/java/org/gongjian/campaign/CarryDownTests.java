package org.gongjian.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.gongjian.org.OrgService;
import org.gongjian.org.UnitCommand;
import org.gongjian.org.UnitKind;
import org.gongjian.org.UnitView;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
import org.gongjian.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A county campaign carries the city's tasks for that county down (承接), once, and can split them further. */
class CarryDownTests extends IntegrationTest {

    @Autowired
    OrgService org;
    @Autowired
    CampaignService campaigns;
    @Autowired
    TaskService tasks;

    @Test
    void countyCampaignCarriesDownTheCitysTasksForTheCountyOnce() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        DataScope all = DataScope.everything();
        UnitView city = org.createUnit(new UnitCommand("市" + tag, UnitKind.CITY, null, "C" + tag), all);
        UnitView county = org.createUnit(new UnitCommand("县" + tag, UnitKind.COUNTY, city.id(), "CK" + tag), all);
        UnitView other = org.createUnit(new UnitCommand("邻县" + tag, UnitKind.COUNTY, city.id(), "CO" + tag), all);
        CampaignView cityCampaign = campaign("市攻坚" + tag, city, null);
        tasks.create(cityCampaign.id(), task("全市新增就业（" + tag + "）", county, "招商引资"), all);
        tasks.create(cityCampaign.id(), task("邻县任务" + tag, other, "民生改善"), all);
        CampaignView countyCampaign = campaign("县攻坚" + tag, county, cityCampaign.id());
        DataScope countyScope = DataScope.of(county.id(), org.unit(county.id(), all).path());

        assertThat(tasks.carryDown(countyCampaign.id(), countyScope)).isEqualTo(1);
        assertThat(tasks.carryDown(countyCampaign.id(), countyScope)).isZero();

        TaskRow carried = tasks.tasks(countyCampaign.id(), new TaskFilter(null, null, null, null, false, false),
                countyScope, new org.gongjian.shared.PageQuery(0, 50)).items().get(0);
        TaskView view = tasks.task(carried.id(), countyScope);
        assertThat(view.title()).isEqualTo("全市新增就业（" + tag + "）");
        assertThat(view.indicators()).singleElement().satisfies(i -> assertThat(i.target()).isEqualByComparingTo("800"));
        assertThat(tasks.source(carried.id(), countyScope)).isNotNull();
        assertThat(campaigns.campaign(countyCampaign.id(), all).categories()).contains("招商引资");
        assertThat(tasks.history(carried.id(), countyScope)).extracting(TaskChange::field).contains("承接");
    }

    @Test
    void aCampaignWithoutHigherCampaignHasNothingToCarry() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UnitView county = org.createUnit(new UnitCommand("县" + tag, UnitKind.COUNTY, null, "K2" + tag), DataScope.everything());
        CampaignView campaign = campaign("独立" + tag, county, null);
        assertThatThrownBy(() -> tasks.carryDown(campaign.id(), DataScope.everything())).isInstanceOf(InvalidInput.class);
    }

    private CampaignView campaign(String name, UnitView owner, Long parent) {
        return campaigns.create(new CampaignCommand(name, 2026, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                owner.id(), parent, ReportingFrequency.MONTHLY, null,
                parent == null ? List.of("招商引资", "民生改善") : List.of("民生改善"), null, null, null), DataScope.everything());
    }

    private static TaskCommand task(String title, UnitView lead, String category) {
        return new TaskCommand(title, null, category, lead.id(), null, null, BigDecimal.ONE, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), List.of(new TaskCommand.IndicatorInput(null, "新增城镇就业人数", "人",
                BigDecimal.ZERO, new BigDecimal("800"), Direction.HIGHER_IS_BETTER)), List.of());
    }
}
