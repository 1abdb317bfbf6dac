package nl.regiomonitor.publication;

import java.time.YearMonth;

/** The capability that knows the last month with data, so a publication can say how far its figures go. */
public interface DataThrough {

    /** The last month with data, or null when there are none. */
    YearMonth lastMonth();
}
