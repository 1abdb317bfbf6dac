package nl.regiomonitor.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

/**
 * A PostgreSQL session advisory lock that several application instances on one database take
 * around work spanning several transactions (the demo import, a publication build). It is held on
 * a connection of its own, so the work itself may use any connection; PostgreSQL releases it when
 * that connection ends, so an instance that dies never leaves it taken.
 */
public final class AdvisoryLock implements AutoCloseable {

    /** Taken around making demo data (every capability's), so instances starting together make them once. */
    public static final String DEMO_DATA = "regiomonitor-demo-data";

    /** How often a waiting instance asks again: short beside a build or an import, which take seconds. */
    private static final long RETRY_MILLIS = 100;

    private final Connection connection;
    private final String name;

    private AdvisoryLock(Connection connection, String name) {
        this.connection = connection;
        this.name = name;
    }

    /**
     * Waits until the lock named {@code name} is free and takes it. Asks with {@code pg_try_advisory_lock}
     * rather than waiting inside PostgreSQL, so a thread stopped while it waits ends at once.
     */
    public static AdvisoryLock acquire(DataSource dataSource, String name) throws SQLException, InterruptedException {
        Connection connection = dataSource.getConnection();
        try {
            while (!ask(connection, "select pg_try_advisory_lock(hashtext(?))", name)) {
                Thread.sleep(RETRY_MILLIS);
            }
            return new AdvisoryLock(connection, name);
        } catch (SQLException | InterruptedException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * Runs {@code work} if {@code needed} holds, asked again under the lock named {@code name}: of the
     * instances that start together on one database, one does it and the others find it done.
     */
    public static void once(DataSource dataSource, String name, BooleanSupplier needed, Runnable work) {
        if (!needed.getAsBoolean()) {
            return;
        }
        try (AdvisoryLock held = acquire(dataSource, name)) {
            if (needed.getAsBoolean()) {
                work.run();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Lock " + name + " not taken or released", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Stopped while waiting for lock " + name, e);
        }
    }

    @Override
    public void close() throws SQLException {
        try (connection) {
            ask(connection, "select pg_advisory_unlock(hashtext(?))", name);
        }
    }

    private static boolean ask(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            try (ResultSet answer = statement.executeQuery()) {
                return answer.next() && answer.getBoolean(1);
            }
        }
    }
}
