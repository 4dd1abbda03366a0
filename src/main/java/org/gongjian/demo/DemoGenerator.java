package org.gongjian.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.gongjian.identity.Role;
import org.gongjian.org.UnitKind;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link DemoPlan} from a seed: the same seed and scale always give the same names, codes and positions,
 * so benchmarks and screenshots are comparable from run to run.
 */
public final class DemoGenerator {

    static final String[] TOWNSHIPS = {"城关镇", "青石镇", "柳河镇", "白马乡", "双龙镇", "桃源乡", "金山镇", "石桥镇",
            "东湖街道", "西城街道", "龙泉镇", "杨柳乡", "新华镇", "红旗乡", "清水镇", "长岭镇"};
    static final String[] DEPARTMENTS = {"县委督查室", "县委办公室", "县政府办公室", "县纪委监委", "县委组织部",
            "县委宣传部", "县委统战部", "县委政法委", "县发展和改革局", "县教育和体育局", "县科学技术局",
            "县工业和信息化局", "县公安局", "县民政局", "县司法局", "县财政局", "县人力资源和社会保障局", "县自然资源局",
            "县生态环境分局", "县住房和城乡建设局", "县交通运输局", "县水利局", "县农业农村局", "县商务局",
            "县文化和旅游局", "县卫生健康委员会", "县应急管理局", "县审计局", "县市场监督管理局", "县乡村振兴局"};
    private static final String[] DISTRICTS = {"东片管区", "西片管区", "南片管区", "北片管区"};
    private static final String[] VILLAGE_FIRST = {"张", "李", "王", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐",
            "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧"};
    private static final String[] VILLAGE_LAST = {"家庄", "家湾", "家坪", "家沟", "庄", "店", "营", "屯", "岗", "桥",
            "河", "坡", "寨", "集", "铺", "堡", "楼", "洼", "峪", "湖"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
            "马", "朱", "胡", "郭", "何", "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"};
    private static final String[] GIVEN = {"建国", "志强", "海燕", "丽娟", "国华", "卫东", "秀英", "春梅", "晓明",
            "红军", "玉兰", "德明", "振华", "桂芳", "立新", "文静", "俊杰", "雪梅", "永刚", "淑珍", "伟", "敏", "静",
            "磊", "洋", "勇", "艳", "杰", "娜", "涛", "明", "超", "霞", "平", "刚", "鹏", "辉", "玲", "斌", "宇"};
    private static final String[] CITY_NAMES = {"临川市", "东阳市", "南平市", "安庆市", "清河市", "平阳市", "云海市",
            "江州市", "宁远市", "长丰市", "泰和市", "永安市", "兴化市", "广德市", "丰城市", "德兴市"};

    private final Random random;
    private final DemoScale scale;
    private final List<DemoPlan.Unit> units = new ArrayList<>();
    private final List<DemoPlan.Person> people = new ArrayList<>();
    private final List<DemoPlan.User> users = new ArrayList<>();
    private final Set<String> usedNames = new HashSet<>();

    private DemoGenerator(long seed, DemoScale scale) {
        this.random = new Random(seed);
        this.scale = scale;
    }

    public static DemoPlan generate(long seed, DemoScale scale) {
        return new DemoGenerator(seed, scale).build();
    }

    private DemoPlan build() {
        unit("P01", "江东省", UnitKind.PROVINCE, null);
        for (int c = 1; c <= scale.cities; c++) {
            String cityCode = "P01C%02d".formatted(c);
            unit(cityCode, CITY_NAMES[(c - 1) % CITY_NAMES.length], UnitKind.CITY, "P01");
            for (int k = 1; k <= scale.countiesPerCity; k++) {
                String cityShort = CITY_NAMES[(c - 1) % CITY_NAMES.length].replace("市", "");
                county(cityCode + "K%02d".formatted(k), c == 1 && k == 1 ? "示范县" : cityShort + "第" + k + "县");
            }
        }
        demoUsers("P01C01K01");
        return new DemoPlan(List.copyOf(units), List.copyOf(people), List.copyOf(users));
    }

    private void county(String code, String name) {
        unit(code, name, UnitKind.COUNTY, unitParentOf(code));
        usedNames.clear();
        countyLeaders(code);
        for (int d = 0; d < DEPARTMENTS.length; d++) {
            String deptCode = code + "D%02d".formatted(d + 1);
            unit(deptCode, DEPARTMENTS[d], UnitKind.DEPARTMENT, code);
            person(deptCode + "-head", deptCode, headTitle(DEPARTMENTS[d]), false);
            if (d % 2 == 0) {
                person(deptCode + "-deputy", deptCode, "副" + headTitle(DEPARTMENTS[d]), true);
            }
        }
        for (int t = 0; t < scale.townshipsPerCounty; t++) {
            township(code, t);
        }
    }

    private String unitParentOf(String countyCode) {
        return countyCode.substring(0, countyCode.length() - 3);
    }

    private void countyLeaders(String county) {
        person(county + "-secretary", county, "县委书记", false);
        person(county + "-mayor", county, "县长", false);
        person(county + "-deputy-secretary", county, "县委副书记", true);
        person(county + "-executive", county, "常务副县长", true);
        for (int i = 1; i <= 4; i++) {
            person(county + "-vice" + i, county, "副县长", true);
        }
    }

    private void township(String county, int index) {
        String code = county + "T%02d".formatted(index + 1);
        String name = TOWNSHIPS[index % TOWNSHIPS.length] + (index >= TOWNSHIPS.length ? String.valueOf(index / TOWNSHIPS.length + 1) : "");
        unit(code, name, UnitKind.TOWNSHIP, county);
        boolean street = name.contains("街道");
        person(code + "-secretary", code, street ? "街道党工委书记" : "党委书记", false);
        person(code + "-head", code, street ? "街道办事处主任" : name.endsWith("乡") ? "乡长" : "镇长", false);
        person(code + "-deputy1", code, street ? "街道办事处副主任" : name.endsWith("乡") ? "副乡长" : "副镇长", true);
        person(code + "-deputy2", code, "党委副书记", true);
        int districts = 3;
        Set<String> villageNames = new HashSet<>();
        for (int d = 0; d < districts; d++) {
            String districtCode = code + "G" + (d + 1);
            unit(districtCode, DISTRICTS[d], UnitKind.DISTRICT, code);
        }
        for (int v = 0; v < scale.villagesPerTownship; v++) {
            String villageCode = code + "V%02d".formatted(v + 1);
            String villageName;
            do {
                villageName = pick(VILLAGE_FIRST) + pick(VILLAGE_LAST) + (street ? "社区" : "村");
            } while (!villageNames.add(villageName));
            unit(villageCode, villageName, UnitKind.VILLAGE, code + "G" + (v % districts + 1));
            if (v < districts) {
                person(villageCode + "-secretary", villageCode, street ? "社区党委书记" : "村党支部书记", false);
            }
        }
    }

    private static String headTitle(String department) {
        if (department.endsWith("部")) {
            return "部长";
        }
        if (department.endsWith("室")) {
            return "主任";
        }
        if (department.endsWith("委员会")) {
            return "主任";
        }
        if (department.endsWith("委")) {
            return "书记";
        }
        return "局长";
    }

    private void demoUsers(String county) {
        String townshipA = county + "T01";
        String townshipB = county + "T02";
        users.add(new DemoPlan.User("admin", EnumSet.of(Role.ADMIN), null, null, "超级管理员（仅初始化/演示，全部数据）"));
        users.add(new DemoPlan.User("duchashi", EnumSet.of(Role.SUPERVISOR), county, county + "D01-head", "县委督查室主任"));
        users.add(new DemoPlan.User("zuzhibu", EnumSet.of(Role.ORG_DEPT), county, county + "D05-head", "县委组织部部长"));
        users.add(new DemoPlan.User("lingdao", EnumSet.of(Role.LEADER), county, county + "-mayor", "县长"));
        users.add(new DemoPlan.User("zhenzhang", EnumSet.of(Role.UNIT_HEAD), townshipA, townshipA + "-head", "城关镇镇长"));
        users.add(new DemoPlan.User("lianluo", EnumSet.of(Role.LIAISON), townshipA, townshipA + "-deputy1", "城关镇联络员"));
        users.add(new DemoPlan.User("lianluo2", EnumSet.of(Role.LIAISON), townshipB, townshipB + "-deputy1", "青石镇联络员"));
        users.add(new DemoPlan.User("ganbu", EnumSet.of(Role.CADRE), townshipA + "V01", townshipA + "V01-secretary", "驻村干部"));
        // 三员分立: each administrator does one part of ADMIN's work and sees none of the campaign.
        users.add(new DemoPlan.User("xitong", EnumSet.of(Role.SYS_ADMIN), county, null, "系统管理员（账号、单位）"));
        users.add(new DemoPlan.User("anquan", EnumSet.of(Role.SEC_ADMIN), county, null, "安全管理员（角色、策略、解锁）"));
        users.add(new DemoPlan.User("shenji", EnumSet.of(Role.AUDIT_ADMIN), county, null, "审计管理员（审计日志）"));
    }

    private void unit(String code, String name, UnitKind kind, @Nullable String parentCode) {
        units.add(new DemoPlan.Unit(code, name, kind, parentCode));
    }

    private void person(String key, String unitCode, String position, boolean deputy) {
        String name;
        do {
            name = pick(SURNAMES) + pick(GIVEN);
        } while (!usedNames.add(name));
        String gender = random.nextInt(100) < 72 ? "男" : "女";
        LocalDate since = LocalDate.of(2018 + random.nextInt(8), 1 + random.nextInt(12), 1);
        people.add(new DemoPlan.Person(key, name, gender, unitCode, position, deputy, since));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
