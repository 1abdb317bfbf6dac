package nl.regiomonitor.ingest.synthetic;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The reference lists the generator draws its codes from, read from {@code /reference/*.csv} on the
 * classpath ({@code ;}-separated, UTF-8, header row). Codes keep the order of the files, so every
 * index in the generator is an index into these lists.
 */
final class ReferenceData {

    /** One row of the 2019 population reference. */
    record Municipality(
            int year, String code, String name, String regionCode, long inhabitants, long inhabitants18plus) {}

    final List<String> regionCodes;
    final List<String> profileCodes;
    final List<String> profileSeries;
    final List<String> deliveryForms;
    final List<String> origins;
    final List<String> waitStatuses;
    final List<Municipality> municipalities;
    /** Sum of inhabitants aged 18+ per region (index as {@link #regionCodes}). */
    final long[] adultsPerRegion;

    private ReferenceData(
            List<String> regionCodes,
            List<String> profileCodes,
            List<String> profileSeries,
            List<String> deliveryForms,
            List<String> origins,
            List<String> waitStatuses,
            List<Municipality> municipalities) {
        this.regionCodes = List.copyOf(regionCodes);
        this.profileCodes = List.copyOf(profileCodes);
        this.profileSeries = List.copyOf(profileSeries);
        this.deliveryForms = List.copyOf(deliveryForms);
        this.origins = List.copyOf(origins);
        this.waitStatuses = List.copyOf(waitStatuses);
        this.municipalities = List.copyOf(municipalities);
        this.adultsPerRegion = new long[regionCodes.size()];
        for (Municipality m : municipalities) {
            int r = regionCodes.indexOf(m.regionCode());
            if (r < 0) {
                throw new IllegalStateException("Onbekende regio " + m.regionCode() + " in population.csv");
            }
            adultsPerRegion[r] += m.inhabitants18plus();
        }
        for (int r = 0; r < adultsPerRegion.length; r++) {
            if (adultsPerRegion[r] <= 0) {
                throw new IllegalStateException(
                        "Regio " + regionCodes.get(r) + " heeft geen inwoners in population.csv");
            }
        }
    }

    static ReferenceData load() throws IOException {
        List<String> regions = column(read("regions.csv"), "region_code");
        List<Map<String, String>> profiles = read("care_profiles.csv");
        List<String> profileCodes = column(profiles, "profile_code");
        List<String> series = column(profiles, "series");
        List<String> forms = column(read("delivery_forms.csv"), "delivery_form");
        List<String> origins = column(read("origins.csv"), "origin");
        List<String> statuses = column(read("wait_statuses.csv"), "wait_status");
        List<Municipality> municipalities = new ArrayList<>();
        for (Map<String, String> row : read("population.csv")) {
            municipalities.add(new Municipality(
                    Integer.parseInt(row.get("year")),
                    row.get("municipality_code"),
                    row.get("municipality_name"),
                    row.get("region_code"),
                    Long.parseLong(row.get("inhabitants")),
                    Long.parseLong(row.get("inhabitants_18plus"))));
        }
        return new ReferenceData(regions, profileCodes, series, forms, origins, statuses, municipalities);
    }

    /** Index of a code in a reference list; fails loudly if the model names a code that does not exist. */
    static int indexOf(List<String> list, String code, String what) {
        int i = list.indexOf(code);
        if (i < 0) {
            throw new IllegalStateException("Code " + code + " ontbreekt in de referentielijst " + what);
        }
        return i;
    }

    private static List<String> column(List<Map<String, String>> rows, String name) {
        List<String> out = new ArrayList<>(rows.size());
        for (Map<String, String> row : rows) {
            String v = row.get(name);
            if (v == null || v.isBlank()) {
                throw new IllegalStateException("Kolom " + name + " ontbreekt of is leeg in referentiedata");
            }
            out.add(v.trim());
        }
        return out;
    }

    private static List<Map<String, String>> read(String file) throws IOException {
        String resource = "/reference/" + file;
        try (InputStream in = ReferenceData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Referentiebestand niet gevonden op het classpath: " + resource);
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            CSVFormat format = CSVFormat.DEFAULT
                    .builder()
                    .setDelimiter(';')
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreSurroundingSpaces(true)
                    .get();
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord record : format.parse(reader)) {
                Map<String, String> row = new LinkedHashMap<>(record.toMap());
                // tolerate a BOM in the first header name
                for (String key : List.copyOf(row.keySet())) {
                    if (key.startsWith("\uFEFF")) {
                        row.put(key.substring(1), row.remove(key));
                    }
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
