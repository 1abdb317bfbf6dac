package nl.regiomonitor.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import nl.regiomonitor.common.Dutch;
import nl.regiomonitor.region.Region;
import nl.regiomonitor.security.AuditAction;
import nl.regiomonitor.security.AuditService;
import nl.regiomonitor.security.CurrentUser;

/**
 * Publishing a regioperspectief: the page content and the PDF are made once, from the figures and
 * texts of that moment, and kept as they are, so the published report stays the same after new
 * data are imported or texts change. Publishing again replaces it, in the audit trail.
 */
@Service
public class ReportPublications {

    private final JdbcTemplate jdbc;
    private final RegionalReport reports;
    private final ITemplateEngine templates;
    private final AuditService audit;

    ReportPublications(JdbcTemplate jdbc, RegionalReport reports, ITemplateEngine templates, AuditService audit) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.templates = templates;
        this.audit = audit;
    }

    public record Publication(
            String region, int year, OffsetDateTime publishedAt, String publishedBy, String content, byte[] pdf) {

        /** The publication date as Dutch readers write it. */
        public String date() {
            return dutchDate(publishedAt);
        }
    }

    static String dutchDate(OffsetDateTime moment) {
        return moment.atZoneSameInstant(Dutch.ZONE).format(DateTimeFormatter.ofPattern("d MMMM yyyy", Dutch.LOCALE));
    }

    public Optional<Publication> find(String region, int year) {
        return jdbc
                .query(
                        "select region_code, year, published_at, published_by, content, pdf from report_publication "
                                + "where region_code = ? and year = ?",
                        (rs, n) -> new Publication(
                                rs.getString(1),
                                rs.getInt(2),
                                rs.getObject(3, OffsetDateTime.class),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getBytes(6)),
                        region,
                        year)
                .stream()
                .findFirst();
    }

    /** A published report as listed: without its content and PDF. */
    public record Listed(String region, int year, OffsetDateTime publishedAt) {

        /** The publication date as Dutch readers write it. */
        public String date() {
            return dutchDate(publishedAt);
        }
    }

    /** The reports published for a year, by region code. */
    public Map<String, Listed> listed(int year) {
        Map<String, Listed> listed = new LinkedHashMap<>();
        jdbc.query(
                        "select region_code, year, published_at from report_publication where year = ? order by region_code",
                        (rs, n) -> new Listed(rs.getString(1), rs.getInt(2), rs.getObject(3, OffsetDateTime.class)),
                        year)
                .forEach(l -> listed.put(l.region(), l));
        return listed;
    }

    /** The years with at least one published report, newest first. */
    public List<Integer> years() {
        return jdbc.queryForList("select distinct year from report_publication order by year desc", Integer.class);
    }

    @Transactional
    public Publication publish(Region region, int year) {
        RegionalReport.Report report = reports.build(region, year, LocalDate.now(Dutch.ZONE));
        String content = templates.process(
                "report/sections", Set.of("report"), new Context(Dutch.LOCALE, Map.of("report", report)));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            ReportPdf.write(report, pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Optional<Publication> before = find(region.code(), year);
        jdbc.update("""
                insert into report_publication (region_code, year, published_at, published_by, content, pdf)
                values (?, ?, now(), ?, ?, ?)
                on conflict (region_code, year) do update set published_at = excluded.published_at,
                    published_by = excluded.published_by, content = excluded.content, pdf = excluded.pdf""", region.code(), year, CurrentUser.name(), content, pdf.toByteArray());
        audit.record(
                AuditAction.PUBLISH,
                "regioperspectief",
                region.code() + "-" + year,
                region.code(),
                "Regioperspectief " + region.name() + " " + year + (before.isPresent() ? " opnieuw" : "")
                        + " gepubliceerd",
                before.map(p -> Map.<String, Object>of(
                                "gepubliceerd", p.publishedAt().toString(), "door", p.publishedBy()))
                        .orElse(null),
                Map.of("door", CurrentUser.name()));
        return find(region.code(), year).orElseThrow();
    }
}
