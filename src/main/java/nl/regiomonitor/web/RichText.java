package nl.regiomonitor.web;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

/**
 * Texts as care offices write them: an empty line starts a paragraph, "- " a list item and
 * [text](https://…) a link. Made into HTML by commonmark with any HTML in the text escaped, then
 * cleaned to paragraphs, lists, emphasis and http(s) links only (jsoup), as well-formed XHTML so
 * the PDF can carry it too. No script survives either step.
 */
public final class RichText {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER =
            HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final Safelist SAFE = new Safelist()
            .addTags("p", "ul", "ol", "li", "em", "strong", "a", "br")
            .addAttributes("a", "href")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "nofollow");

    private RichText() {}

    public static String toHtml(String source) {
        String html = RENDERER.render(PARSER.parse(source == null ? "" : source));
        Document.OutputSettings xhtml = new Document.OutputSettings()
                .syntax(Document.OutputSettings.Syntax.xml)
                .escapeMode(Entities.EscapeMode.xhtml)
                .charset("UTF-8")
                .prettyPrint(false);
        return Jsoup.clean(html, "", SAFE, xhtml);
    }
}
