package nl.regiomonitor.ingest;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work another capability does on the rows of an import that has loaded, inside the import's own
 * transaction: it commits with the import or not at all, so derived data never disagree with the
 * rows they come from.
 */
public interface LoadListener {

    /** Called before the commit; {@code connection} sees the new rows. A thrown exception rolls the import back. */
    void loaded(Connection connection, String type) throws SQLException;
}
