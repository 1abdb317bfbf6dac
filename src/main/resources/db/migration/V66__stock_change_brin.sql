-- stock_change is written in order of day (indicator.FigureCounts) and read by ranges of days (the stock on a day)
-- or merged with an import's changes by equal keys. Its B-tree on day took an import of a million indications
-- 0.15 s of its 1.5 s to fill; a block-range index costs almost nothing to keep and still finds the early days
-- without reading the rest. The import summarises the pages it wrote (FigureCounts); autosummarize covers the rest.
drop index stock_change_day;
create index stock_change_day on stock_change using brin (day) with (pages_per_range = 32, autosummarize = on);
