-- report_skills: each skill's integer key (skill_no, the hash stored at load) and slug, for
-- every skill any posting names (~400 rows). report_posting_skills carries only the integer:
-- the marts count and join on skill_no and name the few rows they keep from here (a slug
-- string per pair cost ~40% of building report_posting_skills at 1M postings).
-- skill_no is a function of the slug (migration 0005), so any_value; materialise_shared
-- checks no two slugs share a number before any mart reads it. (Grouped by the slug: DuckDB
-- groups the dictionary-compressed strings faster than the (number, slug) pairs.)
select
    any_value(skill_no) as skill_no,
    skill_slug,
from posting_skills
group by skill_slug
