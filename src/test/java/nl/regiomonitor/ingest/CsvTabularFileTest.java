package nl.regiomonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** How a CSV file is cut into rows: what a user's spreadsheet writes is read, and broken quotes are refused. */
class CsvTabularFileTest {

    @Test
    void rowsKeepTheirLineAndQuotedValuesLoseTheirQuotes() throws Exception {
        List<String> rows = rows("a;b\n\n\"x\"\"y\";\"p;q\" \n\r\nc;\n\"m\nn\";o\nlast;row");
        assertThat(rows)
                .as("empty lines are skipped, spaces after a closing quote dropped, a quoted line break kept; "
                        + "a row is numbered by the line it ends on")
                .containsExactly("3 [x\"y, p;q]", "5 [c, ]", "7 [m\nn, o]", "8 [last, row]");
        assertThat(rows("a;b\n\"m\r\nn\";o\n\"p\rq\";r\n")).containsExactly("3 [m\r\nn, o]", "5 [p\rq, r]");
    }

    @Test
    void theSeparatorIsTakenFromTheHeader() throws Exception {
        assertThat(rows("a,b,c;d\n1,2,3;4\n")).containsExactly("2 [1, 2, 3;4]");
        assertThat(rows("a;b;c,d\n1;2;3,4\n")).containsExactly("2 [1, 2, 3,4]");
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstName() throws Exception {
        CsvTabularFile file = open("\uFEFFclient_id;region_code\nX;ZK10\n");
        assertThat(file.header()).containsExactly("client_id", "region_code");
    }

    @Test
    void rowsOfOtherWidthsAreReadAsTheyAreForTheImportToReport() throws Exception {
        assertThat(rows("a;b\n1\n1;2;3\n")).containsExactly("2 [1]", "3 [1, 2, 3]");
    }

    @Test
    void anUnclosedQuoteIsRefusedFromTheLineAfterTheLastGoodRow() throws Exception {
        CsvTabularFile file = open("a;b\n1;2\n\"open;3\n4;5\n");
        file.next();
        ImportRejected refused = catchThrowableOfType(ImportRejected.class, file::next);
        assertThat(refused.error().line()).isEqualTo(3);
        assertThat(refused.error().message()).startsWith("Regel 3: een aanhalingsteken (\") wordt niet afgesloten");
    }

    @Test
    void textAfterAClosingQuoteIsRefused() throws Exception {
        CsvTabularFile file = open("a;b\n\"x\"z;2\n");
        ImportRejected refused = catchThrowableOfType(ImportRejected.class, file::next);
        assertThat(refused.error().line()).isEqualTo(2);
    }

    @Test
    void aFieldOfTwentyMillionCharactersIsReadWhole() throws Exception {
        String huge = "X".repeat(20_000_000);
        CsvTabularFile file = open("a;b\n" + huge + ";2\n");
        TabularFile.Row row = file.next();
        assertThat(row.values()[0]).hasSize(huge.length());
        assertThat(row.values()[1]).isEqualTo("2");
    }

    @Test
    void aLineOfTwentyThousandColumnsIsReadForTheImportToReportItsWidth() throws Exception {
        TabularFile.Row row = open("a;b\n" + ";".repeat(20_000) + "\n").next();
        assertThat(row.values()).hasSize(20_001);
    }

    private static List<String> rows(String content) throws Exception {
        CsvTabularFile file = open(content);
        List<String> rows = new ArrayList<>();
        for (TabularFile.Row row = file.next(); row != null; row = file.next()) {
            rows.add(row.line() + " " + List.of(row.values()));
        }
        return rows;
    }

    private static CsvTabularFile open(String content) throws Exception {
        return CsvTabularFile.open(
                Path.of("test.csv"), new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }
}
