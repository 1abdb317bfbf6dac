/**
 * Getting data in: the import engine (one transaction per file, every bad row reported, BSN
 * refusal, replacement of an earlier version), the pseudonymised client data it loads
 * (indications, care allocations, waitlist, costs), the import page and API, the {@code import}
 * command and the demo data loaded into an empty database.
 */
package nl.regiomonitor.ingest;
