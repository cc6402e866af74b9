"""Prefect's temporary server: let it record the run before it is stopped.

Why: `jobtrends run` without a Prefect server uses Prefect's temporary server, which Prefect stops
at interpreter exit. Its task-run recorder writes the last task states while the flow returns;
stopping it mid-write printed a sqlalchemy/asyncio traceback after a successful run (the
recorder's flush is cancelled inside an aiosqlite call). Waiting until the server holds every
task run of this process in a final state leaves it idle, so the stop is clean.
"""

from __future__ import annotations

import sys
import time
from datetime import datetime

#: seconds to wait for the server to catch up before letting Prefect stop it anyway
SETTLE_TIMEOUT_S = 20.0


def temporary_server_running() -> bool:
    """True when this process started Prefect's temporary (subprocess) server."""
    module = sys.modules.get("prefect.server.api.server")
    if module is None:
        return False
    instances = getattr(module.SubprocessASGIServer, "_instances", {})
    return any(getattr(s, "running", False) for s in instances.values())


def unsettled_task_runs(started_after: datetime) -> int:
    """Task runs of flow runs started since ``started_after`` that the server holds as unfinished."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import (
        FlowRunFilter,
        FlowRunFilterStartTime,
        TaskRunFilter,
        TaskRunFilterState,
        TaskRunFilterStateType,
    )
    from prefect.client.schemas.objects import StateType

    with get_client(sync_client=True) as client:
        runs = client.read_task_runs(
            flow_run_filter=FlowRunFilter(start_time=FlowRunFilterStartTime(after_=started_after)),
            task_run_filter=TaskRunFilter(
                state=TaskRunFilterState(
                    type=TaskRunFilterStateType(
                        any_=[StateType.PENDING, StateType.RUNNING, StateType.SCHEDULED]
                    )
                )
            ),
            limit=50,
        )
    return len(runs)


def settle_temporary_server(started_after: datetime, timeout: float = SETTLE_TIMEOUT_S) -> bool:
    """Wait (at most ``timeout`` s) until the temporary server has recorded this process's task
    runs; True when it settled or no temporary server runs. Never raises: it only tidies up."""
    if not temporary_server_running():
        return True
    deadline = time.monotonic() + timeout
    quiet = 0
    while time.monotonic() < deadline:
        try:
            pending = unsettled_task_runs(started_after)
        except Exception:  # a server that is already gone has nothing left to record
            return False
        quiet = quiet + 1 if pending == 0 else 0
        if quiet >= 2:  # two clean reads in a row: no event was still on its way
            return True
        time.sleep(0.25)
    return False
