"""A bounded load run on `dyad serve`: concurrent clients over the main pages and API endpoints for a fixed
time, then the same clients on a named peer: a static file served by `python -m http.server`.

Run: python bench/load_serve.py [--db STORE] [--clients 50] [--seconds 60] [--peer-seconds 15]

Without --db the store is the two bundled examples (Peru–Russia and India–China, ten documents), ingested
into a temporary folder first. The server is started on 127.0.0.1 on a free port with its defaults (one
uvicorn process); the static file `/static/style.css` from the same server is in the mix as the in-process
peer. Each endpoint is asked once before the clock starts (the first question loads the language
model). Prints requests, errors (any status other than 200, or no answer within --timeout) and p50/p95
latency per endpoint; stops by itself and asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from dyad.cli import example_corpus

PAGES = ["/", "/timeline", "/figures", "/documents", "/actors", "/ask?q=When+was+the+partnership+signed"]
API = [
    "/api/stats",
    "/api/events?limit=20",
    "/api/timeline",
    "/api/figures",
    "/api/documents",
    "/api/actors",
    "/api/intensity",
    "/api/conflicts",
    "/api/ask?q=When+was+the+partnership+signed",
]
STATIC = "/static/style.css"


@dataclass
class Tally:
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    reasons: dict[str, int] = field(default_factory=lambda: defaultdict(int))  # "status 500", "ReadTimeout"
    retried: dict[str, int] = field(default_factory=lambda: defaultdict(int))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _dyad() -> list[str]:
    script = Path(sys.executable).with_name("dyad")
    return [str(script)] if script.exists() else [sys.executable, "-m", "dyad.cli"]


def _wait_for(url: str, proc: subprocess.Popen[bytes], seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited with {proc.returncode} before answering {url}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"no answer from {url} after {seconds:.0f} s")


async def _client(
    http: httpx.AsyncClient, paths: list[str], start: int, stop_at: float, tally: Tally, timeout: float
) -> None:
    i = start
    while time.monotonic() < stop_at:
        path = paths[i % len(paths)]
        i += 1
        began = time.perf_counter()
        reason = await _get(http, path, timeout, tally)
        tally.times[path].append(time.perf_counter() - began)
        if reason:
            tally.errors[path] += 1
            tally.reasons[f"{path}: {reason}"] += 1


async def _get(http: httpx.AsyncClient, path: str, timeout: float, tally: Tally) -> str:
    """One GET: "" when it answered 200, else why not. A connection dropped before the answer began
    (ReadError, RemoteProtocolError) is tried once more, as a browser does for a GET, and counted apart:
    the retry hides nothing a user would see, and the count says how often it happened."""
    try:
        return await _answer(http, path, timeout)
    except (httpx.ReadError, httpx.RemoteProtocolError) as exc:
        tally.retried[f"{path}: {type(exc).__name__}"] += 1
    except httpx.HTTPError as exc:
        return type(exc).__name__
    try:
        return await _answer(http, path, timeout)
    except httpx.HTTPError as exc:
        return type(exc).__name__


async def _answer(http: httpx.AsyncClient, path: str, timeout: float) -> str:
    response = await http.get(path, timeout=timeout)
    return "" if response.status_code == 200 else f"status {response.status_code}"


async def _load(base: str, paths: list[str], clients: int, seconds: float, timeout: float) -> Tally:
    tally = Tally()
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits) as http:
        stop_at = time.monotonic() + seconds
        await asyncio.gather(*(_client(http, paths, n, stop_at, tally, timeout) for n in range(clients)))
    return tally


def _report(title: str, tally: Tally, seconds: float) -> None:
    print(f"\n{title}")
    print(f"{'endpoint':<46} {'requests':>8} {'errors':>7} {'p50 ms':>8} {'p95 ms':>8}")
    total = errors = 0
    for path, times in tally.times.items():
        ms = sorted(t * 1000 for t in times)
        p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))]
        total, errors = total + len(ms), errors + tally.errors[path]
        p50 = statistics.median(ms)
        print(f"{path[:46]:<46} {len(ms):>8} {tally.errors[path]:>7} {p50:>8.1f} {p95:>8.1f}")
    rate = 100 * errors / total if total else 0.0
    print(f"{'all':<46} {total:>8} {errors:>7}   error rate {rate:.2f} %, {total / seconds:.0f} requests/s")
    for reason, n in tally.reasons.items():
        print(f"  error: {reason} ×{n}")
    for reason, n in tally.retried.items():
        print(f"  retried once (connection dropped before the answer): {reason} ×{n}")


def _store(folder: Path) -> str:
    db = str(folder / "load.db")
    corpus = [str(p) for name in ("peru-russia", "india-china") for p in example_corpus(name)]
    subprocess.run([*_dyad(), "ingest", *corpus, "--db", db], check=True, capture_output=True)
    return db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="the store to serve (default: the bundled examples)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--peer-seconds", type=float, default=15)
    parser.add_argument("--timeout", type=float, default=30, help="seconds before a request counts as failed")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or _store(Path(tmp))
        port = _free_port()
        log = Path(tmp) / "serve.log"
        server = subprocess.Popen(
            [*_dyad(), "serve", "--db", db, "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=log.open("wb"),
        )
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_for(base + "/api/stats", server)
            http = httpx.Client(base_url=base)
            event = http.get("/api/events?limit=1").json()["items"][0]["id"]
            doc = http.get("/api/documents?limit=1").json()["items"][0]["id"]
            paths = [*PAGES, f"/events/{event}", f"/documents/{doc}", *API, f"/api/events/{event}", STATIC]
            for path in paths:  # warm up: the first question loads the language model, not timed
                http.get(path, timeout=120)
            tally = asyncio.run(_load(base, paths, args.clients, args.seconds, args.timeout))
        finally:
            server.terminate()
            server.wait(timeout=30)
        _report(f"dyad serve, {args.clients} clients for {args.seconds:.0f} s ({db})", tally, args.seconds)
        problems = [line for line in log.read_text(errors="replace").splitlines() if "ERROR" in line]
        print(f"server log: {len(problems)} error line(s)", *problems[:5], sep="\n  ")

        peer_port = _free_port()
        static = Path(tmp) / "static"
        static.mkdir()
        style = Path(__file__).parent.parent / "src" / "dyad" / "serve" / "static" / "style.css"
        (static / "style.css").write_bytes(style.read_bytes())
        peer = subprocess.Popen(
            [sys.executable, "-m", "http.server", str(peer_port), "--bind", "127.0.0.1", "-d", str(static)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            peer_base = f"http://127.0.0.1:{peer_port}"
            _wait_for(peer_base + "/style.css", peer)
            peer_tally = asyncio.run(
                _load(peer_base, ["/style.css"], args.clients, args.peer_seconds, args.timeout)
            )
        finally:
            peer.terminate()
            peer.wait(timeout=30)
        _report(
            f"peer: python -m http.server, the same style.css, {args.clients} clients for "
            f"{args.peer_seconds:.0f} s",
            peer_tally,
            args.peer_seconds,
        )


if __name__ == "__main__":
    main()
