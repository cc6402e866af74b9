"""Known failures become one line naming the problem and the fix, with exit code 2."""

from __future__ import annotations

import typer


def known_errors() -> tuple[type[BaseException], ...]:
    from flows.config import ConfigError
    from flows.lock import RunLocked
    from spiders.source_config import SourceConfigError

    errors: list[type[BaseException]] = [ConfigError, RunLocked, SourceConfigError]
    try:
        from analytics.db import WarehouseLocked
        from analytics.migrate import SchemaTooNew

        errors += [WarehouseLocked, SchemaTooNew]
    except ImportError:
        pass
    return tuple(errors)


def run_with_clear_errors(app: typer.Typer) -> int:
    try:
        code = app(standalone_mode=False)
    except known_errors() as exc:
        typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
        return 2
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        return 1
    except Exception as exc:  # click usage errors (typer vendors click) carry their own exit code
        if hasattr(exc, "show") and isinstance(getattr(exc, "exit_code", None), int):
            exc.show()
            return int(exc.exit_code)
        raise
    return code if isinstance(code, int) else 0
