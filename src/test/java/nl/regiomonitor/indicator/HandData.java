package nl.regiomonitor.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import nl.regiomonitor.ingest.CsvHeaders;
import nl.regiomonitor.ingest.ImportService;
import nl.regiomonitor.ingest.ImportStatus;
import nl.regiomonitor.publication.PublicationService;

/**
 * A small data set whose figures the tests on {@link nl.regiomonitor.EmptyDatabaseTest} work out by hand. Its database
 * lives as long as the JVM and every such test class there shares it, in any order: the first class to start loads
 * the set and the others find it there (loaded twice, every figure would double).
 */
final class HandData {

    private static boolean loaded;

    private HandData() {}

    /**
     * Influx in 2024 (GGZ-W, by the month of the first GGZ-W valid_from):
     * <pre>
     * client    first GGZ-W   region profile origin      age (2024 − birth)  band
     * HANDA     2024-01-10    ZK10   GGZ03W  WMO_BW      24                  18-26
     * HANDB     2024-01-31    ZK10   GGZ01W  ZVW_GGZ     44                  27-44
     * HANDC     2024-02-01    ZK01   GGZ03W  GEEN        64                  45-64   (changes to GGZ05W in June: no influx)
     * HANDD     2024-02-15    ZK10   GGZ01W  WLZ_ANDERS  74                  65+     (GGZ-B since 2023: first GGZ-W counts)
     * HANDE     2023-12-20    ZK10   GGZ02W  WMO_BW      outside the period
     * HANDF     2024-03-05    ZK10   GGZ03W  JEUGD       19                  18-26
     * </pre>
     * So ZK10: January 2 (GGZ03W 1, GGZ01W 1), February 1, March 1; NL: 2, 2, 1.
     * <p>
     * Stock: 20,150 GGZ-W clients valid from 2021-01-01 without end, 5,985 more from 2022-01-01:
     * 20,150 on 2021-10-01 and 26,135 on 2022-10-01, +29,7% (5,985 / 20,150 = 0,29702). GGZ-B: 50
     * clients on 2021-10-01 of whom 6 end on 2022-06-30: 44 a year later, −12,0%.
     */
    static synchronized void load(ImportService imports, PublicationService publications) throws Exception {
        if (loaded) {
            return;
        }
        StringBuilder rows = new StringBuilder(CsvHeaders.INDICATIONS);
        rows.append("HANDA;2024-01-02;2024-01-10;;ZK10;GGZ03W;WMO_BW;2000\n");
        rows.append("HANDB;2024-01-20;2024-01-31;;ZK10;GGZ01W;ZVW_GGZ;1980\n");
        rows.append("HANDC;2024-01-25;2024-02-01;2024-05-31;ZK01;GGZ03W;GEEN;1960\n");
        rows.append("HANDC;2024-05-20;2024-06-01;;ZK01;GGZ05W;GEEN;1960\n");
        rows.append("HANDD;2023-04-20;2023-05-01;2024-02-14;ZK10;GGZ04B;ZVW_GGZ;1950\n");
        rows.append("HANDD;2024-02-10;2024-02-15;;ZK10;GGZ01W;WLZ_ANDERS;1950\n");
        rows.append("HANDE;2023-12-10;2023-12-20;;ZK10;GGZ02W;WMO_BW;1990\n");
        rows.append("HANDF;2024-03-01;2024-03-05;;ZK10;GGZ03W;JEUGD;2005\n");
        // moves from ZK01 to ZK10 in April 2024 (first GGZ-W in 2023: no influx in the months above)
        rows.append("MOVER;2023-02-20;2023-03-01;2024-03-31;ZK01;GGZ02W;GEEN;1975\n");
        rows.append("MOVER;2024-03-20;2024-04-01;;ZK10;GGZ02W;GEEN;1975\n");
        // GGZ-B in 2025: a year-long indication in ZK03 with a March indication in ZK04 inside it
        rows.append("NESTED;2024-12-01;2025-01-01;2025-12-31;ZK03;GGZ04B;GEEN;1970\n");
        rows.append("NESTED;2025-02-20;2025-03-01;2025-03-31;ZK04;GGZ05B;GEEN;1970\n");
        String[] profiles = {"GGZ01W", "GGZ02W", "GGZ03W", "GGZ04W", "GGZ05W"};
        for (int i = 0; i < 20_150; i++) {
            rows.append("STOCKA")
                    .append(i)
                    .append(";2020-12-15;2021-01-01;;ZK02;")
                    .append(profiles[i % 5])
                    .append(";WMO_BW;1970\n");
        }
        for (int i = 0; i < 5_985; i++) {
            rows.append("STOCKB")
                    .append(i)
                    .append(";2021-12-15;2022-01-01;;ZK02;")
                    .append(profiles[i % 5])
                    .append(";WMO_BW;1970\n");
        }
        for (int i = 0; i < 50; i++) {
            rows.append("STOCKG")
                    .append(i)
                    .append(";2020-12-15;2021-01-01;")
                    .append(i < 6 ? "2022-06-30" : "")
                    .append(";ZK02;GGZ05B;ZVW_GGZ;1970\n");
        }
        Path file = Files.createTempFile("figures-", ".csv");
        Files.writeString(file, rows, StandardCharsets.UTF_8);
        assertThat(imports.importFile(file, "hand.csv", "indications").status()).isEqualTo(ImportStatus.LOADED);
        Files.delete(file);

        // waiting list: on 2024-05-31 ZK10 has 2 active; on 2024-06-30 ZK10 has 3 active and 1 urgent, ZK01 6 active
        StringBuilder waiting = new StringBuilder(CsvHeaders.WAITLIST);
        for (int i = 0; i < 2; i++) {
            waiting.append("2024-05-31;WAITMAY").append(i).append(";ZK10;GGZ03W;ACTIEF\n");
        }
        for (int i = 0; i < 3; i++) {
            waiting.append("2024-06-30;WAITJUN").append(i).append(";ZK10;GGZ03W;ACTIEF\n");
        }
        waiting.append("2024-06-30;WAITURG;ZK10;GGZ01W;URGENT\n");
        for (int i = 0; i < 6; i++) {
            waiting.append("2024-06-30;WAITAMS").append(i).append(";ZK01;GGZ03W;ACTIEF\n");
        }
        Path list = Files.createTempFile("waitlist-", ".csv");
        Files.writeString(list, waiting, StandardCharsets.UTF_8);
        assertThat(imports.importFile(list, "hand-wachtlijst.csv", "waitlist").status())
                .isEqualTo(ImportStatus.LOADED);
        Files.delete(list);

        // costs 2024: GGZ03W per day ZK10 25,000/150 = 166.67, ZK01 30,000/200 = 150.00, ZK02 21,000/100 = 210.00;
        // ZK10 also GGZ01W 1,000/10 = 100.00, so ZK10 over all profiles 26,000/160 = 162.50; a 2023 line is outside
        Path costsFile = Files.createTempFile("costs-", ".csv");
        Files.writeString(
                costsFile,
                "month;region_code;profile_code;delivery_form;client_days;amount_eur\n"
                        + "2024-01;ZK10;GGZ03W;VERBLIJF;100;20000.00\n"
                        + "2024-02;ZK10;GGZ03W;VERBLIJF;50;5000.00\n"
                        + "2024-02;ZK10;GGZ01W;MPT;10;1000.00\n"
                        + "2024-03;ZK01;GGZ03W;VERBLIJF;200;30000.00\n"
                        + "2024-03;ZK02;GGZ03W;VERBLIJF;100;21000.00\n"
                        + "2023-12;ZK02;GGZ03W;VERBLIJF;100;99000.00\n",
                StandardCharsets.UTF_8);
        assertThat(imports.importFile(costsFile, "hand-kosten.csv", "costs").status())
                .isEqualTo(ImportStatus.LOADED);
        Files.delete(costsFile);

        // care on 2024-07-01 in ZK10: HANDA (GGZ03W) VERBLIJF; HANDF (GGZ03W) PGB and MPT at once; HANDC (GGZ05W,
        // indicated in ZK01) VPT delivered in ZK10; HANDB's MPT ended in June. STOCKA0 (GGZ01W) VERBLIJF in ZK02.
        Path care = Files.createTempFile("allocations-", ".csv");
        Files.writeString(
                care,
                "client_id;provider_code;region_code;delivery_form;start_date;end_date\n"
                        + "HANDA;P1;ZK10;VERBLIJF;2024-02-01;\n"
                        + "HANDB;P1;ZK10;MPT;2024-03-01;2024-06-30\n"
                        + "HANDF;P1;ZK10;PGB;2024-04-01;\n"
                        + "HANDF;P2;ZK10;MPT;2024-04-01;\n"
                        + "HANDC;P3;ZK10;VPT;2024-06-01;\n"
                        + "STOCKA0;P4;ZK02;VERBLIJF;2021-02-01;\n",
                StandardCharsets.UTF_8);
        assertThat(imports.importFile(care, "hand-zorg.csv", "allocations").status())
                .isEqualTo(ImportStatus.LOADED);
        Files.delete(care);
        publications.awaitCurrent();
        loaded = true;
    }
}
