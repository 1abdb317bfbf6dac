-- a download of unprotected figures (not for publication) is recorded in the audit trail
alter table audit_event drop constraint audit_event_action_check;
alter table audit_event add constraint audit_event_action_check
    check (action in ('LOGIN', 'LOGIN_FAILED', 'CREATE', 'CHANGE', 'DELETE', 'IMPORT', 'SUBMIT', 'EXPORT'));
