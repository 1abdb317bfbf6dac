-- A regioperspectief follows seed 004's chapters: each gets a text of the care office, as do the summary and the contact.
alter table report_text drop constraint report_text_kind_check;
alter table report_text add constraint report_text_kind_check
    check (kind in ('INTRODUCTION', 'LOOK_BACK', 'SECTOR', 'SUMMARY', 'DEMAND', 'AFFORDABILITY', 'ACCESSIBILITY', 'QUALITY',
                    'REGIONAL_PLAN', 'REGIONAL_TASK', 'DISCLAIMER', 'CONTACT'));
