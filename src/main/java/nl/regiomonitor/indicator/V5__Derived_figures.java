package nl.regiomonitor.indicator;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/** The tables influx and stock are read from (see {@link DerivedIndicationFigures}), filled from the indications already held. */
@Component
public class V5__Derived_figures extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("""
                    create table influx_count (
                        month        date not null,
                        region_code  text not null,
                        profile_code text not null,
                        origin       text not null,
                        age_band     text not null,
                        clients      int  not null
                    )""");
            statement.execute("""
                    create table stock_change (
                        day          date not null,
                        region_code  text not null,
                        profile_code text not null,
                        delta        int  not null
                    )""");
            statement.execute("create index stock_change_day on stock_change (day)");
        }
        DerivedIndicationFigures.rebuild(context.getConnection());
    }
}
