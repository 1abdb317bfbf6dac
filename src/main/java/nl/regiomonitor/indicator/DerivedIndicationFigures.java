package nl.regiomonitor.indicator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.stereotype.Component;

import nl.regiomonitor.ingest.Field;
import nl.regiomonitor.ingest.ImportFormat;
import nl.regiomonitor.ingest.LoadListener;

/**
 * Keeps the two tables every influx and stock figure is read from, in the transaction of each indications import:
 * <ul>
 *   <li>{@code influx_count}: clients per month of influx × region × profile × origin × age band.
 *       A client's influx is their first GGZ-W indication ever ({@code valid_from}); the age band is
 *       that of their age in that year.</li>
 *   <li>{@code stock_change}: per day × region × profile, how many clients start (+) or stop (−)
 *       counting in the stock. A client counts once per series (GGZ-W, GGZ-B) on a day, in the region
 *       and profile of their latest indication of that series valid on the day, so the stock on a
 *       day is the sum of all changes up to and including it, and NL is the sum of the regions.</li>
 * </ul>
 * Reading a figure then never sorts the million indication rows again.
 * <p>
 * Both tables are sums over clients of a share that depends on that client's own rows only. An import therefore
 * changes only the shares of the clients it touches — those of its rows and of the rows it replaces — and the
 * update takes away each such client's share as their whole history gave it before and adds it as their history
 * gives it after; a key that comes to zero goes. That is exactly what {@link #rebuild} writes, at the cost of the
 * touched clients instead of all indications.
 */
@Component
class DerivedIndicationFigures implements LoadListener {

    static final String INDICATIONS = "indications";

    @Override
    public Optional<Load> start(ImportFormat format) {
        return INDICATIONS.equals(format.type()) ? Optional.of(new Update(format.fields())) : Optional.empty();
    }

    /** Replaces both tables from all indications {@code connection} sees: the first fill, and what an update must equal. */
    static void rebuild(Connection connection) throws SQLException {
        IndicationRows rows = new IndicationRows();
        try (PreparedStatement query =
                connection.prepareStatement("select " + IndicationRows.COLUMNS + ", false from indication")) {
            rows.read(query);
        }
        new FigureCounts(connection, rows).count(false).replace(connection);
    }

    /** One import: its rows as they are copied, then the shares of the clients it touches worked out again. */
    private static final class Update implements Load {

        private final IndicationRows rows = new IndicationRows();
        private final int client;
        private final int from;
        private final int to;
        private final int region;
        private final int profile;
        private final int origin;
        private final int birthYear;

        Update(List<Field> fields) {
            List<String> names = fields.stream().map(Field::name).toList();
            client = names.indexOf("client_id");
            from = names.indexOf("valid_from");
            to = names.indexOf("valid_to");
            region = names.indexOf("region_code");
            profile = names.indexOf("profile_code");
            origin = names.indexOf("origin");
            birthYear = names.indexOf("birth_year");
        }

        @Override
        public void row(Object[] values) {
            rows.add(
                    (String) values[client],
                    (int) ((LocalDate) values[from]).toEpochDay(),
                    values[to] == null ? IndicationRows.OPEN : (int) ((LocalDate) values[to]).toEpochDay(),
                    (String) values[region],
                    (String) values[profile],
                    (String) values[origin],
                    (Integer) values[birthYear],
                    IndicationRows.AFTER);
        }

        /**
         * The new rows are held already; from the database come the other rows of every touched client, those of
         * the replaced version only before the import, the rest before and after it. Without a replaced version or
         * other imports there are none (the first indications), and no pass over the table to find that.
         */
        @Override
        public void loaded(Connection connection, long importId, OptionalLong replaced, boolean others)
                throws SQLException {
            if (others || replaced.isPresent()) {
                readOtherRows(connection, importId, replaced);
            }
            new FigureCounts(connection, rows).count(true).addTo(connection);
        }

        private void readOtherRows(Connection connection, long importId, OptionalLong replaced) throws SQLException {
            try (PreparedStatement query = connection.prepareStatement("select " + IndicationRows.COLUMNS
                    + ", import_id = ? from indication where import_id <> ? and client_id in "
                    + "(select client_id from indication where import_id = ? or import_id = ?)")) {
                long replacedId = replaced.orElse(importId);
                query.setLong(1, replacedId);
                query.setLong(2, importId);
                query.setLong(3, importId);
                query.setLong(4, replacedId);
                rows.read(query);
            }
        }
    }
}
