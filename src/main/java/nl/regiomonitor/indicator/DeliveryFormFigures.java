package nl.regiomonitor.indicator;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import nl.regiomonitor.disclosure.CellSuppression;
import nl.regiomonitor.disclosure.CountTable;
import nl.regiomonitor.disclosure.ProtectionPattern;
import nl.regiomonitor.disclosure.PublishedTables;
import nl.regiomonitor.region.Area;
import nl.regiomonitor.region.ReferenceData;

/**
 * Verzilvering: of the clients in care on a date (a care allocation running that day, in the
 * region where the care is delivered), how many receive it in each delivery form, per profile of
 * their indication valid that day. A client with two forms at once counts in both forms, once in
 * the profile's total. Worked out for every region and NL at once and protected as one table: a
 * profile's total counts each client of its forms once, NL counts each client of the regions once
 * (care in two regions counts in both), and all profiles is the sum of the profiles (a client has
 * one profile on a day).
 */
@Service
public class DeliveryFormFigures implements PublishedTables {

    static final String ALL_PROFILES = "ALL";

    private final JdbcTemplate jdbc;
    private final FigureScope scope;
    private final StockProtection stock;
    private final DataCache<LocalDate, Map<String, FormTable>> tables;
    private final ReferenceData reference;
    /** Region → profile (or ALL) → form (or TOTAAL) → clients, per reference date. */
    private final CareCounts<LocalDate, Map<String, Map<String, Map<String, Long>>>> clients;

    DeliveryFormFigures(
            JdbcTemplate jdbc,
            FigureScope scope,
            StockProtection stock,
            DataVersion data,
            CellSuppression suppression,
            ReferenceData reference) {
        this.reference = reference;
        this.jdbc = jdbc;
        this.scope = scope;
        this.stock = stock;
        this.tables = new DataCache<>(data, day -> protect(count(day), suppression));
        this.clients = new CareCounts<>(jdbc, data, this::clients);
    }

    /** Per profile (and {@code ALL}): clients per delivery form, and in total. */
    public record FormRow(
            String region, Category profile, Map<String, Long> clients, long total, ProtectionPattern pattern) {

        /** Share of the profile's clients in care in {@code form}, in percent; null without clients. */
        public Double share(String form) {
            return total == 0 ? null : 100.0 * clients.getOrDefault(form, 0L) / total;
        }

        /** The published cell of one form. */
        public Cell cell(String form) {
            return Cell.ofClients(
                    clients.get(form), pattern.mark(key(region, profile.code(), form)), pattern.threshold());
        }

        public Cell totalCell() {
            return Cell.ofClients(
                    total, pattern.mark(key(region, profile.code(), Category.TOTAL.code())), pattern.threshold());
        }

        /** The share as published: only where the form's cell and the total are both shown, since it would give them back. */
        public Double shownShare(String form) {
            Double share = share(form);
            return cell(form).suppressed() || totalCell().suppressed() || share == null
                    ? null
                    : Math.round(share * 10) / 10.0;
        }
    }

    public record FormTable(String region, LocalDate date, List<Category> forms, List<FormRow> rows) {

        /** All profiles together: the clients in care by form. */
        public FormRow allProfiles() {
            return rows.get(rows.size() - 1);
        }
    }

    /**
     * The clients in care in {@code form} (null: in any form) as a headline: all profiles together
     * when shown, else the profiles of one series together (GGZ-W, then GGZ-B), when each of their cells is shown.
     */
    public Headline headline(FormTable table, String form) {
        Map<String, List<Cell>> aggregates = new LinkedHashMap<>();
        for (String series : scope.series()) {
            List<String> profiles = scope.profiles(series);
            aggregates.put(
                    series,
                    table.rows().stream()
                            .filter(r -> profiles.contains(r.profile().code()))
                            .map(r -> form == null ? r.totalCell() : r.cell(form))
                            .toList());
        }
        FormRow all = table.allProfiles();
        return Headline.of(form == null ? all.totalCell() : all.cell(form), aggregates);
    }

    /** The short Dutch name of a delivery form as care offices write it over a column: "Verblijf", "VPT", "Combi MPT/PGB". */
    public static String shortName(Category form) {
        return switch (form.code()) {
            case "VERBLIJF" -> "Verblijf";
            case "MPT_PGB" -> "Combi MPT/PGB";
            case "VPT", "MPT", "PGB" -> form.code();
            default -> form.name();
        };
    }

    public FormTable deliveryForms(String region, LocalDate date) {
        scope.checkRegion(region);
        scope.checkDate(date);
        return tables.get(date).get(region);
    }

    /** The delivery forms on every reference date the region pages publish. */
    @Override
    public Map<String, Supplier<ProtectionPattern>> tables() {
        Map<String, Supplier<ProtectionPattern>> published = new LinkedHashMap<>();
        stock.referenceDates()
                .forEach(day -> published.put(
                        "verzilvering " + day,
                        () -> tables.get(day)
                                .get(Area.NATIONAL_CODE)
                                .allProfiles()
                                .pattern()));
        return published;
    }

    /**
     * Region → profile (or ALL) → form (or TOTAAL) → clients in care on {@code date}; NL counts a client once over
     * all regions.
     */
    private Map<String, Map<String, Map<String, Long>>> clients(LocalDate date) {
        Map<String, Map<String, Map<String, Long>>> counts = new HashMap<>();
        jdbc.query(
                """
                with care as (
                    select distinct a.client_id, a.region_code, a.delivery_form from care_allocation a
                    where a.start_date <= ? and (a.end_date is null or a.end_date >= ?)),
                indicated as (
                    select distinct on (i.client_id) i.client_id, i.profile_code from indication i
                    where i.valid_from <= ? and (i.valid_to is null or i.valid_to >= ?)
                    order by i.client_id, i.valid_from desc)
                select coalesce(c.region_code, 'NL'), coalesce(ind.profile_code, 'ALL'), coalesce(c.delivery_form, 'TOTAAL'),
                       count(distinct c.client_id)
                from care c join indicated ind on ind.client_id = c.client_id
                group by grouping sets ((c.region_code, ind.profile_code, c.delivery_form), (c.region_code, ind.profile_code),
                                       (c.region_code, c.delivery_form), (c.region_code),
                                       (ind.profile_code, c.delivery_form), (ind.profile_code), (c.delivery_form), ())""",
                rs -> {
                    counts.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new HashMap<>())
                            .put(rs.getString(3), rs.getLong(4));
                },
                Date.valueOf(date),
                Date.valueOf(date),
                Date.valueOf(date),
                Date.valueOf(date));
        return counts;
    }

    /** Every region's table and NL's, counted, still without a pattern. */
    private Map<String, FormTable> count(LocalDate date) {
        Map<String, Map<String, Map<String, Long>>> counts = clients.get(date);
        List<Category> forms = reference.deliveryForms().stream()
                .map(e -> new Category(e.code(), e.name()))
                .toList();
        List<Category> profiles = new ArrayList<>(reference.profiles().stream()
                .map(p -> new Category(p.code(), p.name()))
                .toList());
        profiles.add(new Category(ALL_PROFILES, "Alle GGZ-profielen"));
        List<String> scopes = scope.scopes();
        Map<String, FormTable> tables = new LinkedHashMap<>();
        for (String region : scopes) {
            Map<String, Map<String, Long>> ofRegion = counts.getOrDefault(region, Map.of());
            List<FormRow> rows = profiles.stream()
                    .map(p -> {
                        Map<String, Long> ofProfile = ofRegion.getOrDefault(p.code(), Map.of());
                        Map<String, Long> clients = new LinkedHashMap<>();
                        forms.forEach(f -> clients.put(f.code(), ofProfile.getOrDefault(f.code(), 0L)));
                        return new FormRow(region, p, clients, ofProfile.getOrDefault(Category.TOTAL.code(), 0L), null);
                    })
                    .toList();
            tables.put(region, new FormTable(region, date, forms, rows));
        }
        return tables;
    }

    /**
     * Protects the profiles of every region with NL first, then adds each region's all profiles as
     * sums of its profiles: tying them all into one table from the start is too large to suppress
     * in reasonable time (minutes per date), while a sum shown only where its parts are adds nothing.
     */
    private static Map<String, FormTable> protect(Map<String, FormTable> counted, CellSuppression suppression) {
        ProtectionPattern pattern =
                suppression.extend(suppression.protect(countTable(counted, false)), countTable(counted, true));
        Map<String, FormTable> protectedTables = new LinkedHashMap<>();
        counted.forEach((region, f) -> protectedTables.put(
                region,
                new FormTable(
                        region,
                        f.date(),
                        f.forms(),
                        f.rows().stream()
                                .map(r -> new FormRow(region, r.profile(), r.clients(), r.total(), pattern))
                                .toList())));
        return protectedTables;
    }

    /** The cells and relations of all tables; a region's all profiles only {@code withRegionalAll}. */
    private static CountTable countTable(Map<String, FormTable> counted, boolean withRegionalAll) {
        CountTable table = new CountTable();
        List<String> columns = new ArrayList<>();
        FormTable national = counted.get(Area.NATIONAL_CODE);
        national.forms().forEach(f -> columns.add(f.code()));
        columns.add(Category.TOTAL.code());
        List<String> profiles = national.rows().stream()
                .map(r -> r.profile().code())
                .filter(p -> !p.equals(ALL_PROFILES))
                .toList();
        counted.values().forEach(f -> {
            boolean regional = !f.region().equals(Area.NATIONAL_CODE);
            for (FormRow row : f.rows()) {
                String profile = row.profile().code();
                if (profile.equals(ALL_PROFILES) && regional && !withRegionalAll) {
                    continue;
                }
                table.cell(key(f.region(), profile, Category.TOTAL.code()), row.total());
                f.forms()
                        .forEach(form -> table.cell(
                                key(f.region(), profile, form.code()),
                                row.clients().get(form.code())));
                // a region's all profiles is only a sum of its profiles, so that it can be added to the protected table
                if (!profile.equals(ALL_PROFILES) || !regional) {
                    table.union(
                            key(f.region(), profile, Category.TOTAL.code()),
                            f.forms().stream()
                                    .map(form -> key(f.region(), profile, form.code()))
                                    .toList());
                }
                if (profile.equals(ALL_PROFILES)) {
                    // a client has one profile on a day
                    columns.forEach(column -> table.sum(
                            key(f.region(), ALL_PROFILES, column),
                            profiles.stream()
                                    .map(p -> key(f.region(), p, column))
                                    .toList()));
                }
            }
        });
        List<String> regions = counted.keySet().stream()
                .filter(r -> !r.equals(Area.NATIONAL_CODE))
                .toList();
        for (String profile : profiles) {
            columns.forEach(column -> table.union(
                    key(Area.NATIONAL_CODE, profile, column),
                    regions.stream().map(r -> key(r, profile, column)).toList()));
        }
        return table;
    }

    private static String key(String region, String profile, String column) {
        return region + "|" + profile + "|" + column;
    }
}
