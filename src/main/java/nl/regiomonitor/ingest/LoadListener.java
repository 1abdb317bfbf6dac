package nl.regiomonitor.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Work another capability does on the rows of an import, inside the import's own transaction: it
 * commits with the import or not at all, so derived data never disagree with the rows they come from.
 * It sees the rows as they are copied, so it need not read them back from the database.
 */
public interface LoadListener {

    /** The work for one import of {@code format}, if this listener has any; asked before the file is read. */
    Optional<Load> start(ImportFormat format);

    /** The work for one import; dropped unseen when the file is refused. */
    interface Load {

        /**
         * One row that is copied, its values in the order of the format's fields; the array is the listener's to
         * keep. Called for the rows in file order, on a thread of the import's own, not the caller's.
         */
        void row(Object[] values);

        /**
         * Called before the commit, when every row is copied and the file is accepted: {@code connection} sees the
         * new rows (import {@code importId}) and, not yet removed, the rows of the earlier version of the same file
         * it replaces ({@code replaced}). {@code others}: whether the table may also hold rows of other imports; when
         * not, there are none to look for. A thrown exception rolls the import back.
         */
        void loaded(Connection connection, long importId, OptionalLong replaced, boolean others) throws SQLException;
    }
}
