package nl.regiomonitor.plan;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import nl.regiomonitor.web.PdfDocuments;

/** A plan as a PDF in the layout of the national template ({@link PlanLayout}), the same content as {@link PlanDocx}. */
public final class PlanPdf {

    private PlanPdf() {}

    /** Writes {@code layout} as a PDF to {@code out}, which stays open. */
    public static void write(PlanLayout layout, OutputStream out) throws IOException {
        PdfDocuments.render(
                "plan/plan-pdf.xhtml",
                Map.of("plan", layout, "empty", PlanLayout.EMPTY, "annex", PlanLayout.COMMENTS),
                out);
    }
}
