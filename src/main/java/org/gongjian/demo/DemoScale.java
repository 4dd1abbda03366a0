package org.gongjian.demo;

/** How much to generate. PROVINCE approximates a real province: 16 cities, ~140 counties, ~1,800 townships. */
public enum DemoScale {
    COUNTY(1, 1, 12, 25),
    CITY(1, 10, 12, 25),
    PROVINCE(16, 9, 13, 30);

    final int cities;
    final int countiesPerCity;
    final int townshipsPerCounty;
    final int villagesPerTownship;

    DemoScale(int cities, int countiesPerCity, int townshipsPerCounty, int villagesPerTownship) {
        this.cities = cities;
        this.countiesPerCity = countiesPerCity;
        this.townshipsPerCounty = townshipsPerCounty;
        this.villagesPerTownship = villagesPerTownship;
    }
}
