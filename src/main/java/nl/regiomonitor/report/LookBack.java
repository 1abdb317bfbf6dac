package nl.regiomonitor.report;

import static nl.regiomonitor.report.RegionalReport.DUTCH;
import static nl.regiomonitor.report.RegionalReport.LONG;
import static nl.regiomonitor.report.RegionalReport.NOT_SHOWN;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.regiomonitor.disclosure.CellSuppression;
import nl.regiomonitor.indicator.Breakdown;
import nl.regiomonitor.indicator.Category;
import nl.regiomonitor.indicator.Cell;
import nl.regiomonitor.indicator.DeliveryFormFigures;
import nl.regiomonitor.indicator.Headline;
import nl.regiomonitor.indicator.StockFigures;
import nl.regiomonitor.indicator.WaitlistFigures;
import nl.regiomonitor.region.Region;
import nl.regiomonitor.report.RegionalReport.Tile;

/**
 * The look-back's tiles that come from the figures. Apart from {@link RegionalReport} because a tile has a
 * rule of its own: it never shows an {@code x}, but the nearest shown aggregate or a dash, and says which.
 */
final class LookBack {

    private final StockFigures stock;
    private final WaitlistFigures waitlist;
    private final DeliveryFormFigures deliveryForms;
    private final CellSuppression suppression;

    LookBack(
            StockFigures stock,
            WaitlistFigures waitlist,
            DeliveryFormFigures deliveryForms,
            CellSuppression suppression) {
        this.stock = stock;
        this.waitlist = waitlist;
        this.deliveryForms = deliveryForms;
        this.suppression = suppression;
    }

    /**
     * Seed 004's tiles that come from the figures: clients in care by form, growth of indicated clients, the waiting
     * list. A tile never shows an {@code x}: where the figure is hidden it shows the nearest aggregate that is shown
     * (a series' profiles together; the waiting-list statuses that are hidden, together) and says so, or a dash.
     */
    List<Tile> tiles(Region region, LocalDate day) {
        List<Tile> tiles = new ArrayList<>();
        String peildatum = "peildatum " + LONG.format(day);
        DeliveryFormFigures.FormTable forms = deliveryForms.deliveryForms(region.code(), day);
        tiles.add(tile("Cliënten in zorg", deliveryForms.headline(forms, null), peildatum));
        forms.forms()
                .forEach(form -> tiles.add(tile(
                        "In zorg: " + DeliveryFormFigures.shortName(form),
                        deliveryForms.headline(forms, form.code()),
                        peildatum)));
        StockFigures.StockTable s = stock.stock(region.code(), day, Breakdown.NONE);
        for (StockFigures.StockRow row : s.rows()) {
            tiles.add(tile(
                    "Cliënten met een " + row.category().code() + "-indicatie",
                    Headline.of(row.cell(), Map.of()),
                    peildatum));
            tiles.add(new Tile(
                    "Groei " + row.category().code() + " ten opzichte van een jaar eerder",
                    row.changeShown() ? row.changeDisplay() : "–",
                    peildatum));
        }
        WaitlistFigures.WaitlistTable w = waitlist.waitlist(region.code(), day);
        String snapshot = w.snapshot() == null ? "geen momentopname" : "momentopname " + LONG.format(w.snapshot());
        List<Category> hidden = w.statuses().stream()
                .filter(status -> w.cell(status.code()).suppressed())
                .toList();
        w.statuses().stream()
                .filter(status -> !hidden.contains(status))
                .forEach(status -> tiles.add(new Tile(
                        "Wachtlijst: " + status.name(), w.cell(status.code()).display(), snapshot)));
        if (!hidden.isEmpty()) {
            // the list minus the statuses shown: worked out from published cells, with the small-count rule of a cell
            String rest = "–";
            if (!w.totalCell().suppressed()) {
                long sum = w.total()
                        - w.statuses().stream()
                                .filter(status -> !hidden.contains(status))
                                .mapToLong(status -> w.clients().get(status.code()))
                                .sum();
                rest = sum > 0 && sum < w.pattern().threshold()
                        ? suppression.smallCells().label()
                        : Cell.ofCount(sum).display();
            }
            String names = String.join(", ", hidden.stream().map(Category::name).toList())
                    .toLowerCase(DUTCH);
            tiles.add(new Tile(
                    "Wachtlijst: " + names + (hidden.size() > 1 ? " samen" : ""),
                    rest,
                    rest.equals("–") ? snapshot + NOT_SHOWN : snapshot));
        }
        return tiles;
    }

    /** A tile of a headline: what it counts when that is an aggregate, and why when nothing can be shown. */
    private static Tile tile(String label, Headline headline, String note) {
        if (!headline.shown()) {
            return new Tile(label, headline.display(), note + NOT_SHOWN);
        }
        if (headline.scope() == null) {
            return new Tile(label, headline.display(), note);
        }
        return new Tile(
                label + ", " + headline.scope(),
                headline.display(),
                note + "; alleen " + headline.scope() + ": het totaal is verborgen om kleine aantallen te beschermen");
    }
}
