package nl.regiomonitor.region;

import java.util.Set;

/** The valid codes per code list; provided by the package that owns the reference data. */
public interface ReferenceCodes {

    Set<String> codes(CodeList list);
}
