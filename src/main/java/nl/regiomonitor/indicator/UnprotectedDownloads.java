package nl.regiomonitor.indicator;

import java.util.Map;

import org.springframework.stereotype.Component;

import nl.regiomonitor.region.Area;
import nl.regiomonitor.security.AuditAction;
import nl.regiomonitor.security.AuditService;

/** Records in the audit trail who downloaded unprotected figures, which are not for publication. */
@Component
public class UnprotectedDownloads {

    private final AuditService audit;

    UnprotectedDownloads(AuditService audit) {
        this.audit = audit;
    }

    /** Records the download of file {@code fileName} about {@code region} (NL for the country) when {@code view} is unprotected. */
    public void record(View view, String fileName, String region) {
        if (view == View.UNPROTECTED) {
            audit.record(
                    AuditAction.EXPORT,
                    "cijfers",
                    fileName,
                    Area.isNational(region) ? null : region,
                    "Onbeschermde cijfers gedownload (niet voor publicatie): " + fileName,
                    null,
                    Map.of("bestand", fileName));
        }
    }
}
