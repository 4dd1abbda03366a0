package org.gongjian.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the current thread prepares while {@link #count} runs: a test's way to hold a hot path
 * to its statement budget (one prepared statement = one round trip; JdbcClient prepares one per query or update).
 * The integration tests' data source is wrapped in it (see {@link TestClockConfig}); outside {@link #count} it only
 * passes calls through.
 */
public final class StatementCounter extends DelegatingDataSource {

    private static final Set<String> PREPARING = Set.of("prepareStatement", "prepareCall", "createStatement");
    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();
    /** Connections taken from the pool while recording: each is one transaction (or one auto-committed statement). */
    private static final ThreadLocal<int[]> BORROWED = new ThreadLocal<>();

    public StatementCounter(DataSource target) {
        super(target);
    }

    /** What ran, and the statements it prepared on this thread (in order; {@code createStatement} recorded as such). */
    public record Counted<T>(T result, List<String> statements, int connections) {

        public Counted(T result, List<String> statements) {
            this(result, statements, 0);
        }

        public int count() {
            return statements.size();
        }
    }

    public static <T> Counted<T> count(Supplier<T> work) {
        List<String> statements = new ArrayList<>();
        int[] borrowed = new int[1];
        RECORDING.set(statements);
        BORROWED.set(borrowed);
        try {
            T result = work.get();
            return new Counted<>(result, List.copyOf(statements), borrowed[0]);
        } finally {
            RECORDING.remove();
            BORROWED.remove();
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        borrowed();
        return counting(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        borrowed();
        return counting(super.getConnection(username, password));
    }

    private static void borrowed() {
        int[] borrowed = BORROWED.get();
        if (borrowed != null) {
            borrowed[0]++;
        }
    }

    private static Connection counting(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            List<String> recording = RECORDING.get();
            if (recording != null && PREPARING.contains(method.getName())) {
                recording.add(args != null && args.length > 0 && args[0] instanceof String sql ? sql : method.getName());
            }
            try {
                return invoke(method, connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
                new Class<?>[] { Connection.class }, handler);
    }

    private static Object invoke(Method method, Connection target, Object[] args) throws Exception {
        return method.invoke(target, args);
    }
}
