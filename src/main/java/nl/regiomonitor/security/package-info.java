/**
 * Who may do what: users with roles per region, login, the access rules of every endpoint (in
 * {@link nl.regiomonitor.security.AccessRules}, the one place they are written) and the
 * append-only audit trail that other packages write to through {@link nl.regiomonitor.security.AuditService}.
 */
package nl.regiomonitor.security;
