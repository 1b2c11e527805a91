-- Case references (docs/contracts.md: NIV-<year>-<6 digits>, the process's business key).
-- One number series for every year: a reference is unique by its number alone, whatever year it
-- carries, and the series never restarts, so no reference is ever issued twice. A sequence hands
-- out each number once however many processes ask at the same time, and a number taken by a
-- start that then failed is simply skipped. It stops at 999999 rather than outgrow six digits.
CREATE SEQUENCE case_ref_numbers AS integer MINVALUE 1 MAXVALUE 999999 NO CYCLE;
