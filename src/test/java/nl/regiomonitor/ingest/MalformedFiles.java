package nl.regiomonitor.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The malformed import files of {@link ImportFuzzTest}: valid rows of each import type, CSV or .xlsx, then spoiled
 * in one way drawn from the given random, so that each is certain to be wrong.
 */
final class MalformedFiles {

    private MalformedFiles() {}

    /** A format's header and a valid row (number {@code n}) to spoil. */
    record Type(
            String name,
            String header,
            BiFunction<Integer, Random, String> row,
            int[] dateColumns,
            int[] numberColumns,
            boolean regional) {}

    static final List<Type> TYPES = List.of(
            new Type(
                    "population",
                    "year;municipality_code;municipality_name;region_code;inhabitants;inhabitants_18plus",
                    (n, r) -> "2019;GM" + String.format("%04d", 1000 + n % 9000) + ";Fuzzdorp " + n + ";ZK10;"
                            + (1000 + n) + ";800",
                    new int[] {},
                    new int[] {0, 4, 5},
                    false),
            new Type(
                    "indications",
                    "client_id;decision_date;valid_from;valid_to;region_code;profile_code;origin;birth_year",
                    (n, r) -> "FUZZ" + n + "X;2023-01-02;2023-01-15;;ZK10;GGZ03W;WMO_BW;1980",
                    new int[] {1, 2, 3},
                    new int[] {7},
                    true),
            new Type(
                    "allocations",
                    "client_id;provider_code;region_code;delivery_form;start_date;end_date",
                    (n, r) -> "FUZZ" + n + "X;P" + (n % 97) + ";ZK10;VPT;2023-01-01;",
                    new int[] {4, 5},
                    new int[] {},
                    true),
            new Type(
                    "waitlist",
                    "snapshot_date;client_id;region_code;profile_code;wait_status",
                    (n, r) -> "2024-01-31;FUZZ" + n + "X;ZK10;GGZ03W;ACTIEF",
                    new int[] {0},
                    new int[] {},
                    true),
            new Type(
                    "costs",
                    "month;region_code;profile_code;delivery_form;client_days;amount_eur",
                    (n, r) -> "20" + (10 + n % 14) + "-" + String.format("%02d", 1 + n % 12) + ";ZK10;GGZ0"
                            + (1 + n % 5) + "W;MPT;30;" + (n % 1000) + ".50",
                    new int[] {0},
                    new int[] {4, 5},
                    true));

    private static final String[] BAD_DATES = {
        "9999-12-31",
        "1800-01-01",
        "0000-00-00",
        "2023-02-30",
        "2023-13-01",
        "99999-01-01",
        "-2023-01-01",
        "2023/01/01",
        "01-01-2023",
        "1999-12-31",
        "2100-01-01"
    };
    private static final String[] BAD_MONTHS = {
        "9999-12", "1800-01", "0000-00", "2023-13", "1999-12", "2100-01", "2023-1", "23-01", "2023-00"
    };
    private static final String[] BAD_NUMBERS = {
        "-1", "-99999999999", "99999999999999999999", "1e10", "NaN", "12,5,5", "½", "0x10", "--1", "", "١٢"
    };

    record Malformed(String fault, byte[] content) {}

    private static List<String> validRows(Type type, Random random, int i) {
        List<String> rows = new ArrayList<>();
        int n = 1 + random.nextInt(6);
        for (int k = 0; k < n; k++) {
            rows.add(type.row().apply(i * 10 + k, random));
        }
        return rows;
    }

    private static String[] cells(String row) {
        return row.split(";", -1);
    }

    static Malformed csv(Type type, Random random, int i) {
        List<String> rows = validRows(type, random, i);
        int at = random.nextInt(rows.size());
        String header = type.header();
        Charset charset = StandardCharsets.UTF_8;
        byte[] prefix = new byte[0];
        byte[] suffix = new byte[0];
        String fault;
        switch (random.nextInt(19)) {
            case 0 -> {
                fault = "truncated row";
                String[] c = cells(rows.get(at));
                rows.set(at, String.join(";", Arrays.copyOf(c, 1 + random.nextInt(c.length - 1))));
            }
            case 1 -> {
                fault = "wrong separator";
                String separator = new String[] {"\t", "|", " "}[random.nextInt(3)];
                header = header.replace(";", separator);
                rows.replaceAll(r -> r.replace(";", separator));
            }
            case 2 -> {
                fault = "unterminated quote";
                String[] c = cells(rows.get(at));
                c[random.nextInt(c.length)] = "\"abc";
                rows.set(at, String.join(";", c));
            }
            case 3 -> {
                fault = "huge field";
                String[] c = cells(rows.get(at));
                int column = random.nextInt(c.length);
                c[column] = (random.nextBoolean() ? "9" : "X").repeat(100_000 + random.nextInt(2_000_000));
                rows.set(at, String.join(";", c));
            }
            case 4 -> {
                fault = "binary garbage";
                byte[] garbage = new byte[1 + random.nextInt(5_000)];
                random.nextBytes(garbage);
                suffix = garbage;
                if (random.nextBoolean()) {
                    rows.clear();
                    header = "";
                    suffix[0] = 0; // never a header of text
                } else {
                    suffix = concat(
                            new byte[] {0, (byte) 0xC3, '\n'}, garbage); // an invalid byte on the first data line
                }
            }
            case 5 -> {
                fault = "byte order marks and garbage";
                prefix = new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
                header = header.replace(";", "\u0000;");
            }
            case 6 -> {
                fault = "UTF-16";
                charset = new Charset[] {StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE}[random.nextInt(2)];
            }
            case 7 -> {
                if (type.dateColumns().length == 0) {
                    fault = "extreme year";
                    String[] c = cells(rows.get(at));
                    c[0] = new String[] {"1800", "9999", "0", "-2020", "20199"}[random.nextInt(5)];
                    rows.set(at, String.join(";", c));
                } else {
                    fault = "extreme date";
                    String[] c = cells(rows.get(at));
                    int column = type.dateColumns()[random.nextInt(type.dateColumns().length)];
                    c[column] = type.name().equals("costs")
                            ? BAD_MONTHS[random.nextInt(BAD_MONTHS.length)]
                            : BAD_DATES[random.nextInt(BAD_DATES.length)];
                    rows.set(at, String.join(";", c));
                }
            }
            case 8 -> {
                if (type.numberColumns().length == 0) {
                    fault = "unknown code";
                    String[] c = cells(rows.get(at));
                    c[Arrays.asList(cells(type.header())).indexOf("region_code")] = "ZK99";
                    rows.set(at, String.join(";", c));
                } else {
                    fault = "bad number";
                    String[] c = cells(rows.get(at));
                    c[type.numberColumns()[random.nextInt(type.numberColumns().length)]] =
                            BAD_NUMBERS[random.nextInt(BAD_NUMBERS.length)];
                    rows.set(at, String.join(";", c));
                }
            }
            case 9 -> {
                fault = "duplicate key";
                rows.add(random.nextInt(rows.size() + 1), rows.get(at));
            }
            case 10 -> {
                fault = "missing column";
                List<String> names = new ArrayList<>(Arrays.asList(cells(header)));
                names.remove(random.nextInt(names.size()));
                header = String.join(";", names);
            }
            case 11 -> {
                fault = "empty";
                rows.clear();
                header = new String[] {"", " ", "\n\n\n", "\r\n", "\t"}[random.nextInt(5)];
            }
            case 12 -> {
                fault = "only a header";
                rows.clear();
            }
            case 13 -> {
                fault = "control character";
                String[] c = cells(rows.get(at));
                int column = random.nextInt(c.length);
                if (c[column].isEmpty()) {
                    column = 1; // never an optional, empty one: the first two columns always hold a value
                }
                c[column] = c[column].charAt(0) + String.valueOf((char) random.nextInt(9)) + c[column].substring(1);
                rows.set(at, String.join(";", c));
            }
            case 14 -> {
                fault = "column twice in the header";
                String[] names = cells(header);
                header = header + ";" + names[random.nextInt(names.length)];
                rows.replaceAll(r -> r + ";x");
            }
            case 15 -> {
                fault = "header longer than 1 MB";
                header = header + ";" + "h".repeat(1_100_000);
            }
            case 16 -> {
                fault = "number like a BSN";
                String[] c = cells(rows.get(at));
                c[random.nextInt(c.length)] = "111222333";
                rows.set(at, String.join(";", c));
            }
            case 17 -> {
                fault = "extra columns";
                rows.set(at, rows.get(at) + ";" + "extra;".repeat(1 + random.nextInt(5)));
            }
            default -> {
                fault = "quote with text after it";
                String[] c = cells(rows.get(at));
                c[random.nextInt(c.length)] = "\"abc\"def";
                rows.set(at, String.join(";", c));
            }
        }
        String newline = random.nextBoolean() ? "\n" : "\r\n";
        String text = header
                + (header.isEmpty() ? "" : newline)
                + String.join(newline, rows)
                + (rows.isEmpty() ? "" : newline);
        return new Malformed(fault, concat(prefix, text.getBytes(charset), suffix));
    }

    static Malformed xlsx(Type type, Random random, int i) throws IOException {
        List<String[]> rows = new ArrayList<>();
        rows.add(cells(type.header()));
        validRows(type, random, i).forEach(r -> rows.add(cells(r)));
        int at = 1 + random.nextInt(rows.size() - 1);
        String fault;
        boolean corrupt = false;
        switch (random.nextInt(7)) {
            case 0 -> {
                fault = type.dateColumns().length == 0 ? "extreme year" : "extreme date";
                int column = type.dateColumns().length == 0
                        ? 0
                        : type.dateColumns()[random.nextInt(type.dateColumns().length)];
                rows.get(at)[column] = type.dateColumns().length == 0
                        ? "9999"
                        : type.name().equals("costs") ? "1800-01" : BAD_DATES[random.nextInt(2)];
            }
            case 1 -> {
                fault = "missing column";
                rows.set(0, Arrays.copyOf(rows.get(0), rows.get(0).length - 1));
            }
            case 2 -> {
                fault = "duplicate key";
                rows.add(rows.get(at));
            }
            case 3 -> {
                fault = "long text";
                rows.get(at)[random.nextInt(rows.get(at).length)] = "Y".repeat(32_000);
            }
            case 4 -> {
                fault = "only a header";
                rows.subList(1, rows.size()).clear();
            }
            case 5 -> {
                fault = "empty sheet";
                rows.clear();
            }
            default -> {
                fault = "corrupt zip";
                corrupt = true;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("blad");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).length; c++) {
                    row.createCell(c).setCellValue(rows.get(r)[c]);
                }
            }
            workbook.write(out);
        }
        byte[] bytes = out.toByteArray();
        if (corrupt) {
            bytes = Arrays.copyOf(bytes, 30 + random.nextInt(bytes.length / 2));
        }
        return new Malformed(fault, bytes);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }
}
