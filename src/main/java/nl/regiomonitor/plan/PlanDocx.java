package nl.regiomonitor.plan;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jsoup.Jsoup;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;

/**
 * A plan as a Word document in the layout of the national template ({@link PlanLayout}): A4, Word's
 * own heading styles (so Word shows a navigation pane), the section texts as paragraphs and real
 * lists ({@link DocxMarkup}), tables whose header row repeats on every page, and "pagina X van Y" in the footer.
 */
public final class PlanDocx {

    /** The content type of a .docx. */
    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static final String FONT = "Calibri";
    private static final String BLUE = "154273";
    private static final String GREY = "595959";
    private static final String LINE = "C8CDD3";
    private static final String HEADER_FILL = "E8EEF6";
    /** A4 minus 2 cm margins on both sides, in twentieths of a point. */
    private static final int TEXT_WIDTH = 11906 - 2 * 1134;

    private final XWPFDocument doc = new XWPFDocument();
    private final DocxMarkup markup = new DocxMarkup(doc);

    private PlanDocx() {}

    /** Writes {@code layout} as a .docx to {@code out}, which stays open. */
    public static void write(PlanLayout layout, OutputStream out) throws IOException {
        PlanDocx docx = new PlanDocx();
        try (XWPFDocument doc = docx.doc) {
            docx.build(layout);
            doc.write(out);
        }
    }

    private void build(PlanLayout layout) {
        page();
        styles();
        doc.getProperties().getCoreProperties().setTitle(layout.title());
        doc.getProperties().getCoreProperties().setCreator("Regiomonitor Wlz-ggz");
        styled("Title", layout.templateTitle());
        styled("Subtitle", layout.title());
        doc.createParagraph().createRun().setText(layout.intro());
        table(
                List.of(),
                List.of(32, 68),
                layout.facts().stream().map(f -> List.of(f.label(), f.value())).toList(),
                true);
        for (PlanLayout.Part part : layout.parts()) {
            styled("Heading1", part.heading());
            for (PlanLayout.Entry entry : part.entries()) {
                styled("Heading2", entry.title());
                if (entry.guidance() != null) {
                    XWPFRun guidance = doc.createParagraph().createRun();
                    guidance.setText(entry.guidance());
                    guidance.setItalic(true);
                    guidance.setFontSize(9);
                    guidance.setColor(GREY);
                }
                if (entry.empty()) {
                    XWPFRun empty = doc.createParagraph().createRun();
                    empty.setText(PlanLayout.EMPTY);
                    empty.setColor(GREY);
                }
                if (entry.html() != null) {
                    markup.blocks(Jsoup.parseBodyFragment(entry.html()).body(), 0);
                }
                for (PlanLayout.Table t : entry.tables()) {
                    table(t.headings(), t.widths(), t.rows(), false);
                }
            }
        }
        if (layout.comments() != null) {
            styled("Heading1", PlanLayout.COMMENTS);
            table(
                    layout.comments().headings(),
                    layout.comments().widths(),
                    layout.comments().rows(),
                    false);
        }
    }

    private void page() {
        CTSectPr section = doc.getDocument().getBody().addNewSectPr();
        section.addNewPgSz().setW(BigInteger.valueOf(11906));
        section.getPgSz().setH(BigInteger.valueOf(16838));
        var margin = section.addNewPgMar();
        BigInteger twoCentimetres = BigInteger.valueOf(1134);
        margin.setTop(twoCentimetres);
        margin.setBottom(twoCentimetres);
        margin.setLeft(twoCentimetres);
        margin.setRight(twoCentimetres);
        margin.setHeader(BigInteger.valueOf(567));
        margin.setFooter(BigInteger.valueOf(567));
        margin.setGutter(BigInteger.ZERO);
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph line = footer.createParagraph();
        line.setAlignment(ParagraphAlignment.RIGHT);
        footerText(line, "pagina ");
        field(line, "PAGE");
        footerText(line, " van ");
        field(line, "NUMPAGES");
    }

    private static void footerText(XWPFParagraph line, String text) {
        XWPFRun run = line.createRun();
        run.setText(text);
        run.setFontSize(8);
        run.setColor(GREY);
    }

    /** A field Word fills in when it lays out the pages, such as the page number. */
    private static void field(XWPFParagraph line, String code) {
        line.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        XWPFRun instruction = line.createRun();
        instruction.getCTR().addNewInstrText().setStringValue(" " + code + " ");
        XWPFRun shown = line.createRun();
        shown.getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        footerText(line, "1");
        line.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
    }

    /** Normal, Title, Subtitle and Heading 1–2 under Word's own names, so Word treats the headings as headings. */
    private void styles() {
        XWPFStyles styles = doc.createStyles();
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setAscii(FONT);
        fonts.setHAnsi(FONT);
        fonts.setCs(FONT);
        styles.setDefaultFonts(fonts); // before the language: Word wants rFonts first in the run properties
        styles.setSpellingLanguage("nl-NL");
        style(styles, "Normal", "Normal", null, 20, null, false, 0, 100);
        style(styles, "Title", "Title", null, 34, BLUE, true, 0, 120);
        style(styles, "Subtitle", "Subtitle", null, 26, BLUE, false, 0, 200);
        style(styles, "Heading1", "heading 1", 0, 30, BLUE, true, 360, 120);
        style(styles, "Heading2", "heading 2", 1, 23, BLUE, true, 240, 40);
    }

    private static void style(
            XWPFStyles styles,
            String id,
            String name,
            Integer outline,
            int halfPoints,
            String color,
            boolean bold,
            int before,
            int after) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.setType(STStyleType.PARAGRAPH);
        style.addNewName().setVal(name);
        if (!id.equals("Normal")) {
            style.addNewBasedOn().setVal("Normal");
            style.addNewNext().setVal("Normal");
        }
        style.addNewQFormat();
        CTPPrGeneral paragraph = style.addNewPPr();
        paragraph.addNewSpacing().setBefore(BigInteger.valueOf(before));
        paragraph.getSpacing().setAfter(BigInteger.valueOf(after));
        if (outline != null) {
            paragraph.addNewKeepNext();
            paragraph.addNewOutlineLvl().setVal(BigInteger.valueOf(outline));
        }
        CTRPr run = style.addNewRPr();
        if (bold) {
            run.addNewB();
        }
        run.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        if (color != null) {
            run.addNewColor().setVal(color);
        }
        styles.addStyle(new XWPFStyle(style, styles));
    }

    private void styled(String style, String text) {
        XWPFParagraph paragraph = doc.createParagraph();
        paragraph.setStyle(style);
        paragraph.createRun().setText(text);
    }

    /** A table over the text width; a header row (when there are headings) repeats on every page it continues on. */
    private void table(List<String> headings, List<Integer> widths, List<List<String>> rows, boolean labelled) {
        boolean header = !headings.isEmpty();
        XWPFTable table = doc.createTable(rows.size() + (header ? 1 : 0), widths.size());
        table.setWidthType(TableWidthType.DXA);
        table.setWidth(String.valueOf(TEXT_WIDTH));
        CTTblPr properties = table.getCTTbl().getTblPr();
        properties.addNewTblLayout().setType(STTblLayoutType.FIXED);
        CTTblGrid grid = table.getCTTbl().getTblGrid() == null
                ? table.getCTTbl().addNewTblGrid()
                : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        widths.forEach(w -> grid.addNewGridCol().setW(BigInteger.valueOf(twips(w))));
        for (var border : List.of(
                properties.getTblBorders().getTop(),
                properties.getTblBorders().getBottom(),
                properties.getTblBorders().getInsideH(),
                properties.getTblBorders().getLeft(),
                properties.getTblBorders().getRight(),
                properties.getTblBorders().getInsideV())) {
            border.setVal(STBorder.SINGLE);
            border.setSz(BigInteger.valueOf(4));
            border.setColor(LINE);
        }
        int r = 0;
        if (header) {
            XWPFTableRow row = table.getRow(r++);
            row.setRepeatHeader(true);
            row.setCantSplitRow(true);
            for (int c = 0; c < headings.size(); c++) {
                cell(row.getCell(c), widths.get(c), headings.get(c), true);
                row.getCell(c).setColor(HEADER_FILL);
            }
        }
        for (List<String> values : rows) {
            XWPFTableRow row = table.getRow(r++);
            row.setCantSplitRow(true);
            for (int c = 0; c < values.size(); c++) {
                cell(row.getCell(c), widths.get(c), values.get(c), labelled && c == 0);
            }
        }
        doc.createParagraph(); // Word joins two tables that touch; this keeps the next one apart
    }

    private static void cell(XWPFTableCell cell, int width, String text, boolean bold) {
        cell.setWidthType(TableWidthType.DXA);
        cell.setWidth(String.valueOf(twips(width)));
        XWPFParagraph paragraph = cell.getParagraphs().get(0);
        paragraph.setSpacingAfter(0);
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        if (bold) {
            run.setBold(true);
        }
        run.setFontSize(9);
    }

    private static int twips(int percent) {
        return TEXT_WIDTH * percent / 100;
    }
}
