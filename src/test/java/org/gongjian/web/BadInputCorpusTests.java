package org.gongjian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.OrgFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue #17 item 5: the bad-input corpus, generated from the OpenAPI document of the running application. Every
 * write operation (POST/PUT/PATCH/DELETE) and every GET with parameters is sent, over real HTTP (Tomcat included),
 * malformed and truncated JSON, wrong types per schema field, extreme values, unknown enum values, injection
 * strings, NUL characters and another county's ids. Asserted: no answer is a 5xx, every error under /api is
 * problem+json, and the database is unchanged after each operation's batch (row count and content hash of every
 * table except those listed in {@link #VOLATILE}, which change on any authenticated request).
 */
class BadInputCorpusTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * Tables left out of the fingerprint, because a rejected request legitimately writes them: the audit trail
     * (and its chain/anchor tables) records refusals and personal-data reads; api_token's last-used time moves on
     * every API call; login failures, sessions, idempotency records and shedlock are bookkeeping, not business data;
     * event_publication is Spring Modulith's outbox of the audit events; the cockpit's tables are a read model that a
     * campaign's first dashboard (a GET in the corpus) computes (CockpitRefresh), so a read writes them — the business
     * tables they are computed from are all fingerprinted, so a real change still shows. No job runs meanwhile:
     * scheduling is off in this context ({@code gongjian.scheduling.enabled=false}, asserted by the test), so the
     * daily jobs' own records (supervision_run) are fingerprinted too. Matched case-insensitively as prefixes.
     */
    static final List<String> VOLATILE = List.of("audit_", "api_token", "login_", "spring_session", "idempotency",
            "shedlock", "event_publication", "flyway_schema_history", "cockpit_");

    /**
     * Per operation, a table its refusals legitimately write: a wrong old password counts towards the lockout
     * (the failure count on app_user), by design of the login hardening.
     */
    static final Map<String, String> VOLATILE_FOR = Map.of("POST /api/v1/me/password", "app_user");

    private static final List<String> INJECTIONS = List.of("' OR 1=1--", "<script>alert(1)</script>", "${7*7}",
            "../../etc/passwd");
    private static final Pattern ID_NAME = Pattern.compile("(?i).*id$|.*ids$");

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired OrgFixtures fixtures;
    @Autowired DataSource dataSource;
    @Autowired org.springframework.core.env.Environment environment;
    @Autowired org.springframework.context.ApplicationContext context;

    private String token;
    private long otherUnit;
    private long otherPerson;
    private JsonNode schemas;

    private final Map<String, Integer> perCategory = new TreeMap<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private final List<String> accepted = new ArrayList<>();
    private final Set<String> excludedSeen = new TreeSet<>();

    record Case(String category, String method, String target, String contentType, byte[] body) {}

    @Test
    void badInputsGiveNo5xxOnlyProblemsAndChangeNothing() throws Exception {
        // No scheduled job may write while the tables are fingerprinted: scheduling (and the daily jobs' catch-up on
        // start) is off in this context by the application's own switch.
        assertThat(environment.getProperty("gongjian.scheduling.enabled", Boolean.class)).isFalse();
        assertThat(context.getBeanNamesForType(
                org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor.class)).isEmpty();
        OrgFixtures.County mine = fixtures.county();
        OrgFixtures.County other = fixtures.county();
        // The county's organisation department: the widest business role that still has a data scope, so the other
        // county's units and people are out of scope (the ADMIN sees everything and would rightly accept them).
        token = Logins.token(mvc, mine.orgDeptUser());
        otherUnit = other.townshipA().id();
        otherPerson = other.cadreA().id();

        // The documents sit behind the page login outside the demo (docs/security.md).
        String api = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/v3/api-docs").session(Logins.session(mvc, mine.adminUser())))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode docs = JSON.readTree(api);
        assertThat(docs.path("paths").size()).as(api).isGreaterThan(20);
        schemas = docs.path("components").path("schemas");
        int operations = 0;
        int cases = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = docs.path("paths").properties().iterator(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/") || path.getKey().startsWith("/api/v1/auth/")) {
                continue; // the login and token endpoints are login hardening's (they count failures by design)
            }
            for (String method : List.of("post", "put", "patch", "delete", "get")) {
                JsonNode op = path.getValue().path(method);
                if (op.isMissingNode()) {
                    continue;
                }
                List<Case> batch = cases(method.toUpperCase(Locale.ROOT), path.getKey(), op);
                if (batch.isEmpty()) {
                    continue;
                }
                operations++;
                cases += batch.size();
                Map<String, String> before = fingerprint();
                for (Case c : batch) {
                    send(c);
                }
                Map<String, String> after = fingerprint();
                String own = VOLATILE_FOR.get(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                if (own != null) {
                    before.remove(own);
                    after.remove(own);
                }
                if (!before.equals(after)) {
                    List<String> changed = new ArrayList<>();
                    after.forEach((t, h) -> {
                        if (!h.equals(before.get(t))) {
                            changed.add(t);
                        }
                    });
                    failures.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey() + " changed " + changed);
                }
            }
        }
        System.out.println("Bad-input corpus: " + cases + " cases over " + operations + " operations");
        System.out.println("  per category: " + perCategory);
        System.out.println("  status histogram: " + statuses);
        System.out.println("  tables left out of the fingerprint: " + excludedSeen);
        if (!accepted.isEmpty()) {
            System.out.println("  accepted (2xx) writes: " + accepted);
        }
        failures.forEach(f -> System.out.println("  FAIL " + f));
        assertThat(cases).isGreaterThanOrEqualTo(400);
        assertThat(failures).isEmpty();
        assertThat(statuses.keySet()).allMatch(s -> s < 500);
    }

    // ---- generation ----

    private List<Case> cases(String method, String template, JsonNode op) {
        List<Map<String, Object>> pathParams = new ArrayList<>();
        List<JsonNode> queryParams = new ArrayList<>();
        for (JsonNode p : op.path("parameters")) {
            if ("path".equals(p.path("in").asString())) {
                pathParams.add(Map.of("name", p.path("name").asString(), "schema", resolve(p.path("schema"))));
            } else if ("query".equals(p.path("in").asString())) {
                queryParams.add(p);
            }
        }
        JsonNode content = op.path("requestBody").path("content");
        boolean jsonBody = content.has("application/json");
        boolean write = !"GET".equals(method);
        if (!write && pathParams.isEmpty() && queryParams.isEmpty()) {
            return List.of();
        }
        List<Case> out = new ArrayList<>();
        Map<String, String> base = new LinkedHashMap<>();
        for (Map<String, Object> p : pathParams) {
            base.put((String) p.get("name"), baseValue(template, (String) p.get("name"), (JsonNode) p.get("schema")));
        }
        String basePath = expand(template, base);
        JsonNode sample = jsonBody ? sample(resolve(content.path("application/json").path("schema")), 0) : null;
        String sampleText = sample == null ? "" : sample.toString();

        // path parameters: another county's ids, then bad ids, one parameter at a time
        for (Map<String, Object> p : pathParams) {
            String name = (String) p.get("name");
            List<String> values = new ArrayList<>(List.of("-1", String.valueOf(Long.MAX_VALUE),
                    "99999999999999999999999", "1.5", "abc", "' OR 1=1--", "${7*7}"));
            for (String v : values) {
                Map<String, String> vars = new LinkedHashMap<>(base);
                vars.put(name, v);
                out.add(new Case(v.matches("-?\\d+") ? "extreme id" : "wrong type/injection in path", method,
                        expand(template, vars), jsonBody ? "application/json" : null, bytes(sampleText)));
            }
            out.add(new Case(base.get(name).equals("987654321") ? "unknown id" : "other unit's id", method, basePath, jsonBody ? "application/json" : null,
                    bytes(sampleText)));
        }
        // query parameters
        for (JsonNode q : queryParams) {
            String name = q.path("name").asString();
            JsonNode schema = resolve(q.path("schema"));
            for (Map.Entry<String, String> bad : badScalars(schema).entrySet()) {
                out.add(new Case(bad.getKey(), method, basePath + "?" + enc(name) + "=" + enc(bad.getValue()),
                        jsonBody ? "application/json" : null, bytes(sampleText)));
            }
        }
        if (!write) {
            return out;
        }
        if (!jsonBody) {
            // multipart or no body: a JSON body where none or a form is expected, and an empty one
            out.add(new Case("malformed JSON", method, basePath, "application/json", bytes("{\"a\":")));
            if (!content.isMissingNode()) {
                out.add(new Case("wrong content", method, basePath, "multipart/form-data; boundary=zz",
                        bytes("--zz\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n\0\r\n--zz--\r\n")));
            }
            return out;
        }
        // whole-body shapes
        out.add(new Case("malformed JSON", method, basePath, "application/json", bytes("{\"a\":")));
        out.add(new Case("malformed JSON", method, basePath, "application/json", bytes("{{}")));
        out.add(new Case("malformed JSON", method, basePath, "application/json", bytes("{'single':'quotes'}")));
        out.add(new Case("truncated JSON", method, basePath, "application/json",
                bytes(sampleText.substring(0, Math.max(1, sampleText.length() / 2)))));
        out.add(new Case("wrong type", method, basePath, "application/json",
                bytes(sample != null && sample.isArray() ? "{}" : "[]")));
        out.add(new Case("injection", method, basePath, "application/json", bytes("\"' OR 1=1--\"")));
        out.add(new Case("NUL", method, basePath, "application/json", bytes("{\"a\":\"\0\"}")));
        // field by field
        if (sample instanceof ObjectNode object) {
            JsonNode schema = resolve(content.path("application/json").path("schema"));
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode fieldSchema = resolve(field.getValue());
                for (Map.Entry<String, JsonNode> bad : badValues(fieldSchema).entrySet()) {
                    ObjectNode body = object.deepCopy();
                    body.set(field.getKey(), bad.getValue());
                    out.add(new Case(bad.getKey().split("#")[0], method, basePath, "application/json",
                            bytes(body.toString())));
                }
            }
        }
        return out;
    }

    /** Bad values for one body field, by its schema; keys are categories (a "#n" suffix keeps them apart). */
    private Map<String, JsonNode> badValues(JsonNode schema) {
        Map<String, JsonNode> bad = new LinkedHashMap<>();
        String type = schema.path("type").asString("");
        switch (type) {
            case "integer" -> {
                bad.put("wrong type#s", NODES.stringNode("abc"));
                bad.put("wrong type#f", NODES.numberNode(2026.5));
                bad.put("wrong type#o", NODES.objectNode());
                bad.put("extreme value#h", NODES.numberNode(new java.math.BigInteger("99999999999999999999999999")));
                bad.put("extreme value#m", NODES.numberNode(Long.MAX_VALUE));
                bad.put("extreme value#n", NODES.numberNode(-1));
            }
            case "number" -> {
                bad.put("wrong type#s", NODES.stringNode("abc"));
                bad.put("extreme value#h", NODES.numberNode(new java.math.BigDecimal("1e400")));
                bad.put("extreme value#n", NODES.numberNode(-1e308));
            }
            case "boolean" -> {
                bad.put("wrong type#s", NODES.stringNode("maybe"));
                bad.put("wrong type#a", NODES.arrayNode());
            }
            case "array" -> {
                bad.put("wrong type#o", NODES.objectNode());
                ArrayNode wrong = NODES.arrayNode();
                String items = resolve(schema.path("items")).path("type").asString("");
                if ("integer".equals(items) || "number".equals(items)) {
                    wrong.add("abc");
                } else if ("string".equals(items)) {
                    wrong.add(NODES.objectNode());
                } else {
                    wrong.add(42);
                }
                bad.put("wrong type#a", wrong);
                bad.put("wrong type#s", NODES.stringNode("x"));
            }
            case "object" -> {
                bad.put("wrong type#a", NODES.arrayNode().add(1));
                bad.put("wrong type#s", NODES.stringNode("x"));
            }
            default -> { // string (dates, periods, enums, text)
                if (schema.has("enum")) {
                    bad.put("unknown enum", NODES.stringNode("NO_SUCH_VALUE"));
                }
                bad.put("wrong type#o", NODES.objectNode());
                bad.put("wrong type#a", NODES.arrayNode().add(1));
                bad.put("extreme value#l", NODES.stringNode("长" + "x".repeat(99_999)));
                bad.put("NUL", NODES.stringNode("a\0b"));
                for (int i = 0; i < INJECTIONS.size(); i++) {
                    bad.put("injection#" + i, NODES.stringNode(INJECTIONS.get(i)));
                }
            }
        }
        return bad;
    }

    private Map<String, String> badScalars(JsonNode schema) {
        Map<String, String> bad = new LinkedHashMap<>();
        String type = schema.path("type").asString("");
        if ("integer".equals(type) || "number".equals(type)) {
            bad.put("wrong type", "abc");
            bad.put("extreme value", "99999999999999999999999999");
            bad.put("extreme id", "-1");
        }
        if (schema.has("enum")) {
            bad.put("unknown enum", "NO_SUCH_VALUE");
        }
        bad.put("extreme value#l", "x".repeat(4_000));
        bad.put("NUL", "a\0b");
        bad.put("injection", "' OR 1=1--");
        bad.put("injection#p", "../../etc/passwd");
        bad.put("injection#t", "${7*7}");
        bad.put("injection#x", "<script>alert(1)</script>");
        return bad;
    }

    /** A plausible body: every id is another county's, other numbers 1, strings a word, enums their first value. */
    private JsonNode sample(JsonNode schema, int depth) {
        String type = schema.path("type").asString("");
        if (depth > 4) {
            return NODES.nullNode();
        }
        if (schema.has("enum")) {
            return NODES.stringNode(schema.path("enum").get(0).asString());
        }
        switch (type) {
            case "object": {
                ObjectNode o = NODES.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").properties().iterator(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    JsonNode fs = resolve(f.getValue());
                    String t = fs.path("type").asString("");
                    boolean ids = "array".equals(t) && "integer".equals(resolve(fs.path("items")).path("type").asString(""));
                    if (ID_NAME.matcher(f.getKey()).matches() && ("integer".equals(t) || ids)) {
                        long id = idFor(f.getKey());
                        o.set(f.getKey(), ids ? NODES.arrayNode().add(id) : NODES.numberNode(id));
                    } else {
                        o.set(f.getKey(), sample(fs, depth + 1));
                    }
                }
                return o;
            }
            case "array":
                return NODES.arrayNode().add(sample(resolve(schema.path("items")), depth + 1));
            case "integer":
                return NODES.numberNode(1);
            case "number":
                return NODES.numberNode(1.5);
            case "boolean":
                return NODES.booleanNode(true);
            default:
                String format = schema.path("format").asString("");
                return NODES.stringNode(switch (format) {
                    case "date" -> "2026-05-01";
                    case "date-time" -> "2026-05-01T08:00:00Z";
                    default -> "语料";
                });
        }
    }

    /** Units and people are the other county's; ids of anything else do not exist. */
    private long idFor(String field) {
        String n = field.toLowerCase(Locale.ROOT);
        if (n.contains("unit") || n.contains("parent")) {
            return otherUnit;
        }
        if (n.contains("person") || n.contains("cadre") || n.contains("participant") || n.contains("leader")
                || n.contains("member") || n.contains("people")) {
            return otherPerson;
        }
        return 987_654_321L;
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 5 && s.has("$ref"); i++) {
            String ref = s.path("$ref").asString();
            s = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (s.has("allOf") && s.path("allOf").size() == 1) {
            return resolve(s.path("allOf").get(0));
        }
        if (s.has("oneOf") && s.path("oneOf").size() > 0) {
            return resolve(s.path("oneOf").get(0));
        }
        if (!s.has("type") && s.has("properties")) {
            ObjectNode copy = ((ObjectNode) s).deepCopy();
            copy.put("type", "object");
            return copy;
        }
        return s;
    }

    private String baseValue(String template, String name, JsonNode schema) {
        if ("integer".equals(schema.path("type").asString(""))) {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.contains("person") || n.contains("cadre") || template.startsWith("/api/v1/people/")) {
                return String.valueOf(otherPerson);
            }
            // A unit's id is the other county's; any other id is one that does not exist (a real id of another
            // kind could belong to something in scope and the write would rightly succeed).
            return String.valueOf(n.contains("unit") || template.startsWith("/api/v1/units/") ? otherUnit : 987_654_321L);
        }
        return "2026-05".equals(schema.path("example").asString("")) ? "2026-05" : "x";
    }

    private static String expand(String template, Map<String, String> vars) {
        String out = template;
        for (Map.Entry<String, String> v : vars.entrySet()) {
            out = out.replace("{" + v.getKey() + "}", enc(v.getValue()));
        }
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // ---- sending and checking ----

    private void send(Case c) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", token);
        headers.put("Accept", "application/json");
        byte[] body = c.body() == null ? new byte[0] : c.body();
        if (c.contentType() != null && body.length > 0) {
            headers.put("Content-Type", c.contentType());
        }
        RawHttp.Answer answer = RawHttp.send(port, c.method(), c.target(), headers, body);
        perCategory.merge(c.category(), 1, Integer::sum);
        statuses.merge(answer.status(), 1, Integer::sum);
        String what = c.method() + " " + abbreviate(c.target()) + " [" + c.category() + "] "
                + abbreviate(new String(body, StandardCharsets.UTF_8));
        if (answer.status() >= 500) {
            failures.add(answer.status() + " for " + what);
        } else if (answer.status() >= 400 && !answer.header("Content-Type").startsWith("application/problem+json")) {
            failures.add(answer.status() + " not problem+json (" + answer.header("Content-Type") + ") for " + what);
        } else if (answer.status() < 300 && !"GET".equals(c.method())) {
            accepted.add(answer.status() + " " + what);
        }
    }

    private static String abbreviate(String s) {
        String clean = s.replace("\0", "\\0");
        return clean.length() > 120 ? clean.substring(0, 120) + "…(" + clean.length() + ")" : clean;
    }

    /** Row count and SHA-256 of every row of every table but the volatile ones, table by table. */
    private Map<String, String> fingerprint() throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                String lower = table.toLowerCase(Locale.ROOT);
                if (VOLATILE.stream().anyMatch(lower::startsWith)) {
                    excludedSeen.add(lower);
                    continue;
                }
                out.put(lower, hash(c, table));
            }
        }
        return out;
    }

    private static String hash(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM \"" + table + "\"")) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    row.append(v instanceof byte[] b ? HexFormat.of().formatHex(b) : String.valueOf(v)).append('\u0001');
                }
                rows.add(row.toString());
            }
            rows.sort(null);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            rows.forEach(r -> sha.update(r.getBytes(StandardCharsets.UTF_8)));
            return rows.size() + ":" + HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
