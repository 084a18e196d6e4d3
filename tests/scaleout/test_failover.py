"""One of two app servers dies under load behind the project's nginx.

scripts/local_cluster.py starts two gunicorn servers (production settings,
shared PostgreSQL, Redis and S3) behind deploy/nginx's template. wrk sends
200 connections of GETs (the home page and the office page, both from the
page cache) through the balancer for WRK_SECONDS; at the same time two
visitors send barrier reports (a public form that stores a row), each with a
marker of its own (they go on after wrk until three submissions were
acknowledged after the kill, at most 60 s). KILL_AFTER seconds in, server 1
gets SIGKILL with its workers. Proven:

- no GET answers 5xx, not even in the moment of the kill: nginx passes a
  request whose server fails (connection refused or reset) on to the other
  one (``proxy_next_upstream error timeout``), and leaves the dead server
  out for ``fail_timeout`` after its first failure (``max_fails=1``);
- every acknowledged submission (the redirect to the thanks page) is stored,
  exactly once; none is stored twice (nginx never sends a POST that reached
  a server to another one: no ``non_idempotent``).

The figures (requests per second and status, submissions, the time window)
are printed; run with ``-s`` to see them. Only on PostgreSQL with Redis
(``DATABASE_URL=postgres://... TEST_REDIS_URL=redis://...``), with nginx,
openssl and wrk installed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import pytest

from tests.scaleout.conftest import Visitor

WRK = shutil.which("wrk")

# The cluster fixture (tests/scaleout/conftest.py) skips without PostgreSQL
# (DATABASE_URL), Redis (TEST_REDIS_URL), nginx and openssl.
pytestmark = [
    pytest.mark.database,
    # One cluster per worker: both scale-out modules on the same one.
    pytest.mark.xdist_group("scaleout"),
    pytest.mark.skipif(WRK is None, reason="needs wrk (Debian: wrk)"),
]

WRK_SECONDS = 12
KILL_AFTER = 3.0
CONNECTIONS = 200
GET_PATHS = ["/", "/koordinierungsstelle/"]
FORM_PATH = "/barrierefreiheit/barriere-melden/"
SUBMITTERS = 2
KILLED = 1

# Counts wrk's responses per second and status in each thread (a global, so
# that done() can read it from every thread) and writes them to OUT as JSON,
# with wrk's socket errors. The paths take turns.
WRK_SCRIPT = """
local paths = {%(paths)s}
local n = 0
counts = {}
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n %% #paths) + 1])
end
response = function(status, headers, body)
  local key = os.time() .. ":" .. status
  counts[key] = (counts[key] or 0) + 1
end
local threads = {}
setup = function(thread) table.insert(threads, thread) end
done = function(summary, latency, requests)
  local out = io.open("%(out)s", "w")
  out:write('{"counts": {')
  local first = true
  for _, thread in ipairs(threads) do
    for key, value in pairs(thread:get("counts")) do
      if not first then out:write(",") end
      first = false
      out:write(string.format('"%%s:%%d": %%d', key, _, value))
    end
  end
  local e = summary.errors
  out:write(string.format(
    '}, "errors": {"connect": %%d, "read": %%d, "write": %%d, "timeout": %%d},'
    .. ' "requests": %%d}', e.connect, e.read, e.write, e.timeout, summary.requests))
  out:close()
end
"""


@pytest.fixture
def cluster_without_form_limits(cluster):
    """Both servers with the barrier report's rate limit out of the way
    (every submission comes from 127.0.0.1 through nginx); afterwards both
    run as before, so the session's cluster serves the next tests whole."""
    for index in range(len(cluster.server_urls)):
        cluster.restart(index, env={"BARRIER_REPORT_RATE": "100000/h"})
    try:
        yield cluster
    finally:
        for index in range(len(cluster.server_urls)):
            cluster.restart(index)


def per_second(counts: dict[str, int]) -> dict[int, Counter]:
    """{second: Counter(status: n)} from wrk's "second:status:thread" keys."""
    seconds: dict[int, Counter] = {}
    for key, value in counts.items():
        second, status, _thread = key.split(":")
        seconds.setdefault(int(second), Counter())[int(status)] += value
    return dict(sorted(seconds.items()))


class Submitter(threading.Thread):
    """A visitor who sends barrier reports through the balancer until told
    to stop; each report names a marker of its own."""

    def __init__(self, cluster, stop: threading.Event):
        super().__init__(daemon=True)
        self.cluster, self.stop = cluster, stop
        self.results: list[tuple[float, str, object]] = []  # time, marker, status

    def run(self):
        import requests

        visitor = Visitor(self.cluster)
        visitor.get("lb", FORM_PATH)  # the CSRF cookie
        while not self.stop.is_set():
            marker = f"failover-{uuid.uuid4().hex}"
            data = {
                "page_url": "/",
                "description": f"Lasttest {marker}",
                "consent": "on",
            }
            try:
                outcome: object = visitor.post("lb", FORM_PATH, data).status_code
            except requests.RequestException as error:
                outcome = type(error).__name__
            self.results.append((time.time(), marker, outcome))


def stored_markers(database_url: str) -> Counter:
    import psycopg

    with psycopg.connect(database_url) as connection:
        rows = connection.execute(
            "SELECT description FROM pages_barrierreport "
            "WHERE description LIKE 'Lasttest failover-%%'"
        ).fetchall()
    return Counter(description.removeprefix("Lasttest ") for (description,) in rows)


def upstreams_in_log(cluster) -> Counter:
    """How often each $upstream_addr value (one server, or "a, b" when nginx
    passed the request on) occurs in nginx's access log."""
    log = (cluster.base / "nginx" / "access.log").read_text(errors="replace")
    return Counter(
        line.rsplit('" ', 1)[-1].split(" ", 1)[-1] for line in log.splitlines()
    )


def acknowledged_after(submitters, moment: float) -> int:
    return sum(
        1
        for submitter in submitters
        for at, _marker, outcome in list(submitter.results)
        if outcome in (302, 303) and at > moment
    )


def run_load(cluster, tmp_path: Path):
    import requests

    for path in GET_PATHS:  # into the shared page cache
        for _ in range(2):
            requests.get(
                cluster.url + path, verify=str(cluster.certificate), timeout=30
            )
    out = tmp_path / "wrk.json"
    script = tmp_path / "count.lua"
    script.write_text(
        WRK_SCRIPT
        % {"paths": ", ".join(json.dumps(path) for path in GET_PATHS), "out": out}
    )
    stop = threading.Event()
    submitters = [Submitter(cluster, stop) for _ in range(SUBMITTERS)]
    for submitter in submitters:
        submitter.start()
    started = time.time()
    wrk = subprocess.Popen(  # noqa: S603 - wrk from PATH, our arguments
        [
            WRK,
            "--threads",
            "2",
            "--connections",
            str(CONNECTIONS),
            "--duration",
            f"{WRK_SECONDS}s",
            "--timeout",
            "20s",
            "--script",
            str(script),
            cluster.url + "/",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    time.sleep(KILL_AFTER)
    cluster.kill(KILLED)
    killed_at = time.time()
    summary, _ = wrk.communicate(timeout=WRK_SECONDS + 60)
    # On a busy machine a submission can take seconds: go on (without the
    # GET load) until a few were acknowledged after the kill, at most 60 s.
    deadline = time.time() + 60
    while time.time() < deadline and acknowledged_after(submitters, killed_at) < 3:
        time.sleep(0.2)
    stop.set()
    for submitter in submitters:
        submitter.join(timeout=60)
    ended = time.time()
    load = json.loads(out.read_text())
    submissions = [result for submitter in submitters for result in submitter.results]
    return {
        "started": started,
        "killed_at": killed_at,
        "ended": ended,
        "wrk": load,
        "wrk_summary": summary,
        "submissions": submissions,
    }


def test_killing_one_server_under_load_costs_no_request_and_no_submission(
    cluster_without_form_limits, tmp_path
):
    cluster = cluster_without_form_limits
    killed_address = cluster.server_urls[KILLED].removeprefix("http://")
    run = run_load(cluster, tmp_path)
    seconds = per_second(run["wrk"]["counts"])
    statuses = sum(seconds.values(), Counter())
    errors_5xx = sum(n for status, n in statuses.items() if status >= 500)
    after_kill_5xx = sum(
        n
        for second, counter in seconds.items()
        if second >= int(run["killed_at"])
        for status, n in counter.items()
        if status >= 500
    )
    submissions = run["submissions"]
    outcomes = Counter(outcome for _at, _marker, outcome in submissions)
    acknowledged = {m for _at, m, outcome in submissions if outcome in (302, 303)}
    acknowledged_after_kill = {
        m
        for at, m, outcome in submissions
        if outcome in (302, 303) and at > run["killed_at"]
    }
    stored = stored_markers(cluster.database_url)
    lost = acknowledged - set(stored)
    duplicates = {marker: n for marker, n in stored.items() if n > 1}
    upstreams = upstreams_in_log(cluster)
    passed_on = sum(n for value, n in upstreams.items() if "," in value)

    report = [
        f"failover: {run['wrk']['requests']} GETs through nginx in {WRK_SECONDS} s "
        f"at {CONNECTIONS} connections, server {KILLED} killed after "
        f"{run['killed_at'] - run['started']:.1f} s; per second from the start:"
    ]
    for second, counter in seconds.items():
        mark = "  <- kill" if second == int(run["killed_at"]) else ""
        report.append(
            f"  {second - int(run['started']):+3d} s  "
            f"{dict(sorted(counter.items()))}{mark}"
        )
    report += [
        f"  statuses {dict(statuses)}; 5xx {errors_5xx} ({after_kill_5xx} from "
        f"the kill's second on); socket errors {run['wrk']['errors']}",
        f"  nginx passed {passed_on} requests on to the other server; "
        f"upstreams {dict(upstreams.most_common(6))}",
        f"  submissions {len(submissions)}: {dict(outcomes)}; acknowledged "
        f"{len(acknowledged)} ({len(acknowledged_after_kill)} after the kill); "
        f"stored {sum(stored.values())}; lost {len(lost)}; "
        f"duplicates {len(duplicates)}",
    ]
    sys.stdout.write("\n" + "\n".join(report) + "\n")

    # The killed server took part before, and is dead.
    assert any(killed_address in value for value in upstreams)
    assert cluster.processes[KILLED].poll() is not None
    # The balancer kept answering after the kill, without a single 5xx.
    assert sum(sum(c.values()) for s, c in seconds.items() if s > run["killed_at"] + 1)
    assert errors_5xx == 0, seconds
    assert run["wrk"]["errors"]["connect"] == run["wrk"]["errors"]["read"] == 0
    # Every acknowledged submission is stored once; none twice.
    assert acknowledged_after_kill
    assert not lost
    assert not duplicates
    # A submission is either acknowledged or failed visibly, never refused
    # by the form (which would mean the test's data were wrong).
    assert not {o for o in outcomes if isinstance(o, int) and 400 <= o < 500}
