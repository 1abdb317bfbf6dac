package nl.regiomonitor.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.slf4j.Slf4jLogger;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import nl.regiomonitor.common.Sha256;

/**
 * PDF documents from XHTML templates (OpenHTMLtoPDF): A4 as the template's CSS says, the fonts
 * carried in the application and embedded, tagged for screen readers, inline SVG charts drawn as
 * on the page. Shared by every capability that offers a PDF.
 */
public final class PdfDocuments {

    /** The font family the templates name. */
    public static final String FONT = "DejaVu Sans";
    /** An SVG element that has no alt yet, and the text of its title. */
    private static final Pattern SVG_TITLE =
            Pattern.compile("<svg((?:(?! alt=)[^>])*)>(\\s*<title[^>]*>)([^<]*)</title>");
    /**
     * A control character XML 1.0 does not allow (all below space but tab, newline and return), as a character
     * reference or raw: text a user typed may hold one, and the renderer refuses the whole document for it.
     */
    private static final Pattern NOT_IN_XML = Pattern.compile(
            "&#x0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]);|&#0*(?:[0-8]|1[124-9]|2[0-9]|3[01]);|[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]");
    // read once: every PDF embeds a subset of these, never the machine's own fonts
    private static final byte[] REGULAR = font("DejaVuSans.ttf");
    private static final byte[] BOLD = font("DejaVuSans-Bold.ttf");
    /** Its own engine in XML mode over {@code templates/}, so the renderer always gets well-formed XHTML. */
    private static final TemplateEngine TEMPLATES = templates();
    /**
     * A document is rendered once for the same XHTML: a published PDF is the same for every reader until the next
     * publication, and rendering it takes a CPU-second; 50 readers of the national figures ask for it at once.
     */
    private static final RenderedDocuments RENDERED = new RenderedDocuments(32L << 20);

    static {
        XRLog.setLoggerImpl(new Slf4jLogger()); // into the application's log, not straight to stderr
    }

    private PdfDocuments() {}

    /** Renders template {@code template} (a path under {@code templates/}, such as {@code report/report-pdf.xhtml}) with {@code model}. */
    public static void render(String template, Map<String, Object> model, OutputStream out) throws IOException {
        String xhtml = withAltTexts(withoutControlCharacters(TEMPLATES.process(template, new Context(null, model))));
        String key = Sha256.hex(xhtml);
        byte[] pdf = RENDERED.get(key);
        if (pdf == null) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            render(xhtml, buffer);
            pdf = buffer.toByteArray();
            RENDERED.put(key, pdf);
        }
        out.write(pdf);
    }

    private static void render(String xhtml, OutputStream out) throws IOException {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfUaAccessibility(true); // tagged, so screen readers read the tables as tables
        builder.useFont(() -> new ByteArrayInputStream(REGULAR), FONT, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(BOLD), FONT, 700, FontStyle.NORMAL, true);
        builder.useSVGDrawer(new BatikSVGDrawer());
        builder.withHtmlContent(xhtml, null);
        builder.toStream(out);
        builder.run();
    }

    /**
     * Gives every chart its title as {@code alt}, which is how OpenHTMLtoPDF tags a picture for PDF/UA;
     * on the web page the SVG's {@code <title>} does that, so the charts themselves carry no alt.
     */
    static String withAltTexts(String xhtml) {
        return SVG_TITLE
                .matcher(xhtml)
                .replaceAll(m -> Matcher.quoteReplacement("<svg" + m.group(1) + " alt=\""
                        + m.group(3).replace("\"", "&quot;") + "\">" + m.group(2) + m.group(3) + "</title>"));
    }

    /** The document without the control characters XML forbids; what the user wrote stays as it was stored. */
    static String withoutControlCharacters(String xhtml) {
        return NOT_IN_XML.matcher(xhtml).replaceAll("");
    }

    private static TemplateEngine templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    private static byte[] font(String file) {
        try (InputStream in = PdfDocuments.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Font not on the classpath: /fonts/" + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
