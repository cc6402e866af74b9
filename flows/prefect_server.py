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
SETTLE_TIMEOUT_S = 30.0
#: seconds without a new or unfinished task run that count as caught up, and the poll interval
STABLE_S = 2.5
POLL_S = 0.5
MAX_TASK_RUNS = 200  #: the API reads at most 200 per call


def temporary_server_running() -> bool:
    """True when this process started Prefect's temporary (subprocess) server."""
    module = sys.modules.get("prefect.server.api.server")
    if module is None:
        return False
    instances = getattr(module.SubprocessASGIServer, "_instances", {})
    return any(getattr(s, "running", False) for s in instances.values())


def task_run_counts(started_after: datetime) -> tuple[int, int]:
    """(unfinished, all) task runs the server holds for flow runs that started since
    ``started_after`` and have ended.

    Only ended flow runs count: another process's flow still running on the same Prefect
    database (a served deployment, a second shell) has unfinished task runs for good reason.
    """
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import (
        FlowRunFilter,
        FlowRunFilterStartTime,
        FlowRunFilterState,
        FlowRunFilterStateType,
    )
    from prefect.client.schemas.objects import StateType

    ended = [StateType.COMPLETED, StateType.FAILED, StateType.CANCELLED, StateType.CRASHED]
    final = {*ended, StateType.CANCELLING, StateType.PAUSED}
    with get_client(sync_client=True) as client:
        runs = client.read_task_runs(
            flow_run_filter=FlowRunFilter(
                start_time=FlowRunFilterStartTime(after_=started_after),
                state=FlowRunFilterState(type=FlowRunFilterStateType(any_=ended)),
            ),
            limit=MAX_TASK_RUNS,
        )
    unfinished = sum(1 for r in runs if r.state_type not in final)
    return unfinished, len(runs)


def settle_temporary_server(started_after: datetime, timeout: float = SETTLE_TIMEOUT_S) -> bool:
    """Wait (at most ``timeout`` s) until the temporary server has recorded this process's task
    runs; True when it settled or no temporary server runs. Never raises: it only tidies up.

    Settled means: no unfinished task run, and no new one recorded for STABLE_S seconds (the
    recorder creates task runs from events that arrive a second or two after the flow ends).
    """
    if not temporary_server_running():
        return True
    deadline = time.monotonic() + timeout
    last, stable_since = -1, time.monotonic()
    while time.monotonic() < deadline:
        try:
            unfinished, total = task_run_counts(started_after)
        except Exception:  # a server that is already gone has nothing left to record
            return False
        now = time.monotonic()
        if unfinished or total != last:
            last, stable_since = total, now
        elif now - stable_since >= STABLE_S:
            return True
        time.sleep(POLL_S)
    return False
