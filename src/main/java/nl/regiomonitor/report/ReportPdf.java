package nl.regiomonitor.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import nl.regiomonitor.region.Region;
import nl.regiomonitor.web.PdfDocuments;

/** The regioperspectief as a PDF: one template and model for the download and for the {@code report} command. */
public final class ReportPdf {

    private ReportPdf() {}

    /** Writes {@code report} as a PDF to {@code out}, which stays open. */
    public static void write(RegionalReport.Report report, OutputStream out) throws IOException {
        PdfDocuments.render("report/regioperspectief-pdf.xhtml", Map.of("report", report), out);
    }

    /** The file name the download and the command give it, such as {@code regioperspectief-ZK10-2024.pdf}. */
    public static String fileName(RegionalReport.Report report) {
        return fileName(report.region(), report.year());
    }

    static String fileName(Region region, int year) {
        return "regioperspectief-" + region.code() + "-" + year + ".pdf";
    }
}
