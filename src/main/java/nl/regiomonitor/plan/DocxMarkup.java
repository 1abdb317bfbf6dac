package nl.regiomonitor.plan;

import java.math.BigInteger;
import java.util.Set;

import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

/**
 * The light markup's HTML (p, ul, ol, li, strong, em, a, br; see RichText) as Word paragraphs and real lists, in the
 * document {@link PlanDocx} writes.
 */
final class DocxMarkup {

    private static final Set<String> BLOCKS = Set.of("p", "ul", "ol", "li");

    private final XWPFDocument doc;
    private final XWPFNumbering numbering;
    private int abstractNums;
    private BigInteger bullets;

    DocxMarkup(XWPFDocument doc) {
        this.doc = doc;
        this.numbering = doc.createNumbering();
    }

    /** Paragraphs and lists of a cleaned fragment (p, ul, ol, li, strong, em, a, br; see RichText). */
    void blocks(Element parent, int level) {
        XWPFParagraph loose = null;
        for (Node node : parent.childNodes()) {
            if (node instanceof Element e && e.tagName().equals("p")) {
                inlines(doc.createParagraph(), e, false, false);
                loose = null;
            } else if (node instanceof Element e
                    && (e.tagName().equals("ul") || e.tagName().equals("ol"))) {
                list(e, level);
                loose = null;
            } else if (!(node instanceof TextNode t && t.isBlank())) {
                loose = loose == null ? doc.createParagraph() : loose;
                inline(loose, node, false, false);
            }
        }
    }

    /** Each item a numbered or bulleted paragraph; a nested list one level deeper, a later paragraph of an item indented under it. */
    private void list(Element list, int level) {
        BigInteger num = list.tagName().equals("ol") ? numbering(STNumberFormat.DECIMAL) : bullets();
        for (Element item : list.children()) {
            XWPFParagraph current = null;
            boolean numbered = false;
            for (Node node : item.childNodes()) {
                if (node instanceof Element e
                        && (e.tagName().equals("ul") || e.tagName().equals("ol"))) {
                    list(e, level + 1);
                    current = null;
                } else if (node instanceof Element e && e.tagName().equals("p")) {
                    current = listParagraph(num, level, numbered);
                    numbered = true;
                    inlines(current, e, false, false);
                    current = null;
                } else if (!(node instanceof TextNode t && t.isBlank())) {
                    if (current == null) {
                        current = listParagraph(num, level, numbered);
                        numbered = true;
                    }
                    inline(current, node, false, false);
                }
            }
        }
    }

    private XWPFParagraph listParagraph(BigInteger num, int level, boolean continuation) {
        XWPFParagraph paragraph = doc.createParagraph();
        paragraph.setSpacingAfter(40);
        if (continuation) {
            paragraph.setIndentationLeft(indent(level));
        } else {
            paragraph.setNumID(num);
            paragraph.setNumILvl(BigInteger.valueOf(level));
        }
        return paragraph;
    }

    private BigInteger bullets() {
        if (bullets == null) {
            bullets = numbering(STNumberFormat.BULLET);
        }
        return bullets;
    }

    /** A list definition of its own, so every numbered list starts at 1. */
    private BigInteger numbering(STNumberFormat.Enum format) {
        CTAbstractNum definition = CTAbstractNum.Factory.newInstance();
        definition.setAbstractNumId(BigInteger.valueOf(abstractNums++));
        for (int level = 0; level < 3; level++) {
            CTLvl lvl = definition.addNewLvl();
            lvl.setIlvl(BigInteger.valueOf(level));
            lvl.addNewStart().setVal(BigInteger.ONE);
            lvl.addNewNumFmt().setVal(format);
            lvl.addNewLvlText()
                    .setVal(format == STNumberFormat.BULLET ? (level == 1 ? "–" : "•") : "%" + (level + 1) + ".");
            lvl.addNewLvlJc().setVal(STJc.LEFT);
            var indentation = lvl.addNewPPr().addNewInd();
            indentation.setLeft(BigInteger.valueOf(indent(level)));
            indentation.setHanging(BigInteger.valueOf(360));
        }
        return numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(definition, numbering)));
    }

    private static int indent(int level) {
        return 360 * (level + 1);
    }

    private static void inlines(XWPFParagraph paragraph, Element parent, boolean bold, boolean italic) {
        parent.childNodes().forEach(node -> inline(paragraph, node, bold, italic));
    }

    private static void inline(XWPFParagraph paragraph, Node node, boolean bold, boolean italic) {
        if (node instanceof TextNode text) {
            String value = paragraph.getRuns().isEmpty() ? text.text().stripLeading() : text.text();
            // the line break before a nested list or paragraph is layout of the HTML, not a space in the text
            if (text.nextSibling() == null
                    || text.nextSibling() instanceof Element next && BLOCKS.contains(next.tagName())) {
                value = value.stripTrailing();
            }
            if (!value.isEmpty()) {
                run(paragraph, value, bold, italic);
            }
            return;
        }
        if (!(node instanceof Element e)) {
            return;
        }
        switch (e.tagName()) {
            case "strong", "b" -> inlines(paragraph, e, true, italic);
            case "em", "i" -> inlines(paragraph, e, bold, true);
            case "br" -> paragraph.createRun().addBreak();
            case "a" -> {
                inlines(paragraph, e, bold, italic);
                String href = e.attr("href");
                if (!href.isBlank() && !href.equals(e.text().strip())) {
                    run(paragraph, " (" + href + ")", bold, italic);
                }
            }
            default -> inlines(paragraph, e, bold, italic);
        }
    }

    private static void run(XWPFParagraph paragraph, String text, boolean bold, boolean italic) {
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        if (bold) {
            run.setBold(true);
        }
        if (italic) {
            run.setItalic(true);
        }
    }
}
