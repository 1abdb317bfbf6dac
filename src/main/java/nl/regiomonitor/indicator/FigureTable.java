package nl.regiomonitor.indicator;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import nl.regiomonitor.common.Dutch;

/**
 * A published table exactly as the page shows it, so the CSV, XLSX and PDF downloads hold the same
 * cells: a caption, column headings and rows of cells.
 */
public record FigureTable(String id, String caption, String rowHeading, List<String> columns, List<Row> rows) {

    public record Row(String label, List<Cell> cells) {}

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Dutch.LOCALE);

    /** "jan. 2024" as the Dutch locale writes a month. */
    public static String monthLabel(YearMonth month) {
        return MONTH.format(month);
    }

    /** Influx per period (a month, quarter, year or rolling year) with a column per category and the total. */
    public static FigureTable ofInflux(String id, String caption, InfluxFigures.InfluxTable table, View view) {
        List<String> columns = new ArrayList<>();
        boolean split = table.by() != Breakdown.NONE;
        if (split) {
            // profile names are long sentences; their codes are what care offices use in tables
            table.categories().forEach(c -> columns.add(table.by() == Breakdown.PROFILE ? c.code() : c.name()));
        }
        columns.add(Category.TOTAL.name());
        List<Row> rows = table.rows().stream()
                .map(r -> {
                    List<Cell> cells = new ArrayList<>();
                    if (split) {
                        table.categories()
                                .forEach(c -> cells.add(
                                        view.cell(r.cell(c.code()), r.counts().get(c.code()))));
                    }
                    cells.add(view.cell(r.totalCell(), r.total()));
                    return new Row(
                            table.period() == Period.MONTH
                                    ? monthLabel(r.month())
                                    : r.period().label(),
                            cells);
                })
                .toList();
        return new FigureTable(
                id,
                caption,
                switch (table.period()) {
                    case MONTH -> "Maand";
                    case QUARTER -> "Kwartaal";
                    case YEAR -> "Jaar";
                    case ROLLING12 -> "12 maanden";
                },
                columns,
                rows);
    }
}
