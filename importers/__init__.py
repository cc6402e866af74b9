"""Bring your own postings: files from other tools (JobSpy CSV, generic CSV/JSONL/Parquet) become
a lake run of source kind `import`, extracted, loaded and reported like a crawled run.

Why a package of its own: reading foreign files (formats, column names, bad rows) has nothing to
do with crawling; once rows are Posting dicts in the lake every later stage is shared.
"""

#: source kind of every imported posting (the board says which file or tool it came from)
IMPORT_SOURCE = "import"
