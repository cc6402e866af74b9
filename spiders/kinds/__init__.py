"""One thin spider per source kind; `SPIDERS` maps kind -> spider class."""

from __future__ import annotations

from spiders.base import JobSpider
from spiders.kinds.ashby import AshbySpider
from spiders.kinds.greenhouse import GreenhouseSpider
from spiders.kinds.hn import HnSpider
from spiders.kinds.jsonld import JsonLdSpider
from spiders.kinds.lever import LeverSpider
from spiders.kinds.remoteok import RemoteOkSpider
from spiders.kinds.simple import RecruiteeSpider, WorkableSpider
from spiders.kinds.smartrecruiters import SmartRecruitersSpider
from spiders.kinds.wwr import WwrSpider

SPIDERS: dict[str, type[JobSpider]] = {
    cls.kind: cls
    for cls in (
        GreenhouseSpider,
        LeverSpider,
        AshbySpider,
        WorkableSpider,
        SmartRecruitersSpider,
        RecruiteeSpider,
        JsonLdSpider,
        HnSpider,
        WwrSpider,
        RemoteOkSpider,
    )
}
