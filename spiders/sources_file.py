"""sources.toml: which boards to crawl. Load/save, per-kind default API roots, one-line errors,
and `check_source` to try one listing page before a board goes into scheduled runs.

    [[source]]
    kind = "greenhouse"
    board = "anthropic"
    title_keywords = ["machine learning", "ai"]   # optional
    # base_url = "https://boards-api.greenhouse.io" # optional; defaults per kind
    # start_url = "https://example.com/careers"     # jsonld / wwr only
"""

from __future__ import annotations

import json
import tomllib
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from pipelines.records import SOURCE_KINDS
from spiders.source_config import SourceConfig, SourceConfigError

#: real public API roots per kind; "{board}" is filled in (Recruitee: one host per company)
DEFAULT_BASE_URLS: dict[str, str] = {
    "greenhouse": "https://boards-api.greenhouse.io",
    "lever": "https://api.lever.co",
    "ashby": "https://api.ashbyhq.com",
    "workable": "https://apply.workable.com",
    "smartrecruiters": "https://api.smartrecruiters.com",
    "recruitee": "https://{board}.recruitee.com",
    "hn": "https://hn.algolia.com",
    "wwr": "https://weworkremotely.com",
    "remoteok": "https://remoteok.com",
}
LEVER_EU = "https://api.eu.lever.co"
ALLOWED_KEYS = ("kind", "board", "base_url", "start_url", "title_keywords", "region")


#: where the local demo replica serves each kind (spiders/demo); "{board}" is filled in
REPLICA_PREFIXES: dict[str, str] = {
    "greenhouse": "/greenhouse",
    "lever": "/lever",
    "ashby": "/ashby",
    "workable": "/workable",
    "smartrecruiters": "/smartrecruiters",
    "recruitee": "/recruitee/{board}",
    "jsonld": "/careers/{board}",
    "hn": "/hn/algolia",
    "wwr": "/wwr",
    "remoteok": "/remoteok",
}


def replica_source(kind: str, board: str, root: str, **extra: Any) -> SourceConfig:
    """SourceConfig for one board of the demo replica at `root` (e.g. http://127.0.0.1:8123);
    jsonld sites start at their listing page."""
    base = root.rstrip("/") + REPLICA_PREFIXES[kind].format(board=board)
    start = f"{base}/jobs" if kind == "jsonld" else None
    return make_source(
        {"kind": kind, "board": board, "base_url": base, "start_url": start, **extra}
    )


def make_source(entry: dict[str, Any], where: str = "source") -> SourceConfig:
    """A SourceConfig from one table; errors name the entry and the fix in one line."""
    entry = {k: v for k, v in entry.items() if v is not None}
    kind = entry.get("kind")
    board = entry.get("board")
    label = f"{where} ({kind or '?'}:{board or '?'})"
    unknown = sorted(set(entry) - set(ALLOWED_KEYS))
    if unknown:
        raise SourceConfigError(
            f"{label}: unknown key(s) {', '.join(unknown)}{_nearest(unknown[0], ALLOWED_KEYS)}; "
            f"allowed: {', '.join(ALLOWED_KEYS)}"
        )
    if kind not in SOURCE_KINDS:
        raise SourceConfigError(
            f'{label}: kind {kind!r} is not one of {", ".join(SOURCE_KINDS)}; set kind = "greenhouse" etc.'
        )
    if not isinstance(board, str) or not board.strip():
        raise SourceConfigError(
            f'{label}: board is missing; set board = "<token from the jobs URL>"'
        )
    keywords = entry.get("title_keywords", [])
    if not isinstance(keywords, list) or not all(
        isinstance(k, str) and k.strip() for k in keywords
    ):
        raise SourceConfigError(
            f'{label}: title_keywords must be a list of words, e.g. ["machine learning", "ai"]'
        )
    base_url = entry.get("base_url")
    if entry.get("region") not in (None, "eu", "global"):
        raise SourceConfigError(f'{label}: region must be "eu" or "global" (Lever only)')
    if base_url is None:
        if kind == "lever" and entry.get("region") == "eu":
            base_url = LEVER_EU
        elif kind == "jsonld":
            start = entry.get("start_url")
            if not start:
                raise SourceConfigError(
                    f"{label}: jsonld needs start_url (careers listing page or sitemap.xml)"
                )
            base_url = start.rsplit("/", 1)[0] if "//" in start else start
        else:
            base_url = DEFAULT_BASE_URLS[kind].format(board=board.strip())
    for key, value in (("base_url", base_url), ("start_url", entry.get("start_url"))):
        if value is not None and not isinstance(value, str):
            raise SourceConfigError(f"{label}: {key} must be a string URL")
    try:
        return SourceConfig(
            kind=kind,
            board=board.strip(),
            base_url=base_url,
            start_url=entry.get("start_url"),
            title_keywords=tuple(k.strip() for k in keywords),
        )
    except SourceConfigError as exc:
        raise SourceConfigError(f"{label}: {exc}") from None


def _nearest(word: str, valid: tuple[str, ...]) -> str:
    """ " (did you mean 'x'?)" for the closest valid key, else ""."""
    from difflib import get_close_matches

    near = get_close_matches(word, valid, n=1, cutoff=0.5)
    return f" (did you mean {near[0]!r}?)" if near else ""


def read_config_text(path: Path, what: str, error: type[Exception]) -> str:
    """A configuration file's text, or one `error` line (a folder, unreadable, not UTF-8);
    shared by the sources file and jobtrends.toml so both refuse bad files alike."""
    if path.is_dir():
        raise error(f"{what} {path} is a folder; pass the path of a .toml file")
    if not path.is_file():  # a FIFO or device would block the read forever
        raise error(f"{what} {path} is not a regular file; pass the path of a .toml file")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise error(
            f"{what} {path} is not UTF-8 text (byte {exc.start}); save it as UTF-8"
        ) from None
    except OSError as exc:
        raise error(f"cannot read {what} {path}: {exc.strerror}") from None


def read_sources_text(path: Path) -> str:
    """The sources file's text, or one SourceConfigError line."""
    return read_config_text(path, "sources file", SourceConfigError)


def load_sources(path: Path) -> list[SourceConfig]:
    """All `[[source]]` entries; [] when the file is missing or has none (the demo board is then
    the caller's default). Duplicate (kind, board) pairs are an error."""
    if not path.exists():
        return []
    try:
        data = tomllib.loads(read_sources_text(path))
    except tomllib.TOMLDecodeError as exc:
        raise SourceConfigError(f"{path}: malformed TOML ({exc}); fix the syntax there") from None
    entries = data.get("source", [])
    if not isinstance(entries, list):
        raise SourceConfigError(f"{path}: use [[source]] tables (an array), not [source]")
    out: list[SourceConfig] = []
    seen: set[str] = set()
    for n, entry in enumerate(entries, start=1):
        cfg = make_source(entry, where=f"{path} entry #{n}")
        if cfg.key.casefold() in seen:  # boards are case-insensitive on every ATS
            raise SourceConfigError(f"{path} entry #{n} ({cfg.key}): listed twice; remove one")
        seen.add(cfg.key.casefold())
        out.append(cfg)
    return out


def _toml_value(value: Any) -> str:
    if isinstance(value, list | tuple):
        return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)  # JSON strings are valid TOML basic strings


def _render(cfg: SourceConfig) -> list[str]:
    """One `[[source]]` table; base_url is omitted when it equals the kind's default."""
    lines = ["[[source]]", f"kind = {_toml_value(cfg.kind)}", f"board = {_toml_value(cfg.board)}"]
    default = DEFAULT_BASE_URLS.get(cfg.kind, "").format(board=cfg.board)
    if cfg.base_url != default:
        lines.append(f"base_url = {_toml_value(cfg.base_url)}")
    if cfg.start_url:
        lines.append(f"start_url = {_toml_value(cfg.start_url)}")
    if cfg.title_keywords:
        lines.append(f"title_keywords = {_toml_value(list(cfg.title_keywords))}")
    return [*lines, ""]


def save_sources(path: Path, sources: list[SourceConfig]) -> None:
    """Write entries back; base_url is omitted when it equals the kind's default."""
    path.write_text("\n".join(line for cfg in sources for line in _render(cfg)), encoding="utf-8")


def add_source(
    path: Path,
    kind: str,
    board: str,
    *,
    base_url: str | None = None,
    start_url: str | None = None,
    title_keywords: list[str] | None = None,
    region: str | None = None,
) -> SourceConfig:
    """Validate one board and append it to `path` (created when missing), keeping the file's
    comments; nothing is written unless the new entry and every existing one validate.
    Duplicates are an error."""
    entry = {
        "kind": kind,
        "board": board,
        "base_url": base_url,
        "start_url": start_url,
        "title_keywords": list(title_keywords or []),
        "region": region,
    }
    cfg = make_source(entry, where="new source")
    existing = load_sources(path)
    if any(s.key.casefold() == cfg.key.casefold() for s in existing):
        raise SourceConfigError(f"{cfg.key} is already in {path}; edit that entry instead")
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if text and not text.endswith("\n"):
        text += "\n"
    path.write_text(text + ("\n" if text else "") + "\n".join(_render(cfg)), encoding="utf-8")
    if load_sources(path)[-1] != cfg:  # the round trip must give the entry back
        path.write_text(text, encoding="utf-8")
        raise SourceConfigError(f"could not add {cfg.key} to {path}; add it by hand")
    return cfg


def check_source(
    cfg: SourceConfig, timeout: float = 15.0, contact_url: str | None = None
) -> tuple[bool, str]:
    """Fetch the board's first listing page once: (ok, one-line message with the fix if not)."""
    from spiders.kinds import SPIDERS
    from spiders.settings import build_settings

    url = SPIDERS[cfg.kind](source=cfg).first_url()
    agent = build_settings({"CONTACT_URL": contact_url} if contact_url else None)["USER_AGENT"]
    request = urllib.request.Request(url, headers={"User-Agent": agent, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as resp:  # noqa: S310 (http/https checked)
            body = resp.read(2 * 1024 * 1024)
            status = resp.status
    except urllib.error.HTTPError as exc:
        hint = (
            "board not found: check the board token in the public jobs URL"
            if exc.code == 404
            else "try again later"
        )
        return False, f"{cfg.key}: HTTP {exc.code} from {url}; {hint}"
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        return False, f"{cfg.key}: cannot reach {url} ({reason}); check base_url and the network"
    if cfg.kind not in ("jsonld", "wwr"):
        try:
            json.loads(body.decode("utf-8-sig"))
        except ValueError:
            return (
                False,
                f"{cfg.key}: {url} did not return JSON; check base_url points at the API root",
            )
    return True, f"{cfg.key}: OK, HTTP {status}, {len(body)} bytes from {url}"
