"""What the speed benchmark prints: the targets checked, the tables for the
README and the machine it ran on (``bench/speed.py``)."""

from __future__ import annotations

import os
import platform
import re
from pathlib import Path

from speed_tools import (
    CONNECTIONS,
    NEW_SEARCH,
    NOT_PAGES,
    PROXY_CONNECTIONS,
    STATIC,
    Result,
    report,
)


def document_table(results: dict[str, Result]) -> str:
    lines = [
        f"| Document through nginx ({PROXY_CONNECTIONS} connections) "
        "| DOCUMENT_SERVE_METHOD | req/s | p50 / p99 (ms) |",
        "|---|---|--:|--:|",
    ]
    labels = {"django": "the worker streams it", "x-accel": "nginx sends it"}
    for method, result in results.items():
        lines.append(
            f"| `{result.url}`, {labels[method]} | `{method}` "
            f"| {result.requests_per_second:.0f} "
            f"| {result.p50_ms:.1f} / {result.p99_ms:.1f} |"
        )
    return "\n".join(lines)


def check_targets(cached: dict[str, Result], uncached: dict[str, Result]) -> bool:
    ok = True
    static = cached[STATIC].requests_per_second
    report(f"\nTargets (static file, cached run: {static:.0f} req/s):")
    for name, result in cached.items():
        if name in NOT_PAGES or name == NEW_SEARCH:  # never twice the same URL
            continue
        passed = result.requests_per_second >= static / 2 and not result.errors
        ok &= passed
        report(
            f"  {'PASS' if passed else 'FAIL'}  cached {name}: "
            f"{result.requests_per_second:.0f} req/s >= {static / 2:.0f} "
            f"(half the static file)"
        )
    for name, result in uncached.items():
        passed = result.p99_ms < 100 and not result.errors
        ok &= passed
        report(
            f"  {'PASS' if passed else 'FAIL'}  uncached {name}: "
            f"p99 {result.p99_ms:.1f} ms < 100 ms"
        )
    if not any(result.x_cache for result in cached.values()):
        report(
            "  note: no page answered with an X-Cache header; the site has no "
            "whole-page cache, so the cached run was uncached too."
        )
    for name, result in uncached.items():
        if result.x_cache.upper() == "HIT":
            report(f"  note: uncached {name} said X-Cache: HIT")
    return ok


def markdown_table(runs: dict[str, dict[str, Result]]) -> str:
    cached, uncached, raw = runs["cached"], runs["uncached"], runs["raw"]
    lines = [
        "| Page type | URL | Cached req/s | Cached p50 / p99 (ms) | X-Cache "
        "| Uncached req/s | Uncached p50 / p99 (ms) "
        "| Raw req/s | Raw p50 / p99 (ms) |",
        "|---|---|--:|--:|---|--:|--:|--:|--:|",
    ]
    for name, hot in cached.items():
        cold, bare = uncached[name], raw[name]
        lines.append(
            f"| {name} | `{hot.url}` | {hot.requests_per_second:.0f} "
            f"| {hot.p50_ms:.1f} / {hot.p99_ms:.1f} | {hot.x_cache or '–'} "
            f"| {cold.requests_per_second:.0f} | {cold.p50_ms:.1f} / {cold.p99_ms:.1f} "
            f"| {bare.requests_per_second:.0f} | {bare.p50_ms:.1f} / {bare.p99_ms:.1f} |"
        )
    return "\n".join(lines)


def machine(args) -> str:
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        match = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        model = match.group(1).strip() if match else ""
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return (
        f"{os.cpu_count()} cores {model}, Python {platform.python_version()}, "
        f"gunicorn {args.workers} {args.worker_class} workers"
        + (f" x {args.threads} threads" if args.threads > 1 else "")
        + f", wrk {CONNECTIONS} connections, {args.duration} s per URL, "
        f"cache {'Redis' if args.redis_url else 'local memory'}; "
        f"load average before the run: {load}"
    )
