-- sources are the spider kinds of pipelines/records.py::SOURCE_KINDS and 'import' (importers/)
select posting_id, source
from postings
where source not in (
    'greenhouse', 'lever', 'ashby', 'workable', 'smartrecruiters', 'recruitee',
    'jsonld', 'hn', 'wwr', 'remoteok', 'import'
)
