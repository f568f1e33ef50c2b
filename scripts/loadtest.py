"""A bounded load test on loopback: gunicorn with the production settings, N clients for S seconds.

    .venv/bin/python scripts/loadtest.py                      # the database of DATABASE_URL (default SQLite)
    .venv/bin/python scripts/with_postgres.py --data data/pg-bench .venv/bin/python scripts/loadtest.py

Not part of `make test`. It serves the database DATABASE_URL points at (seed it first with `manage.py
seed_scale`), with DEBUG off, a throwaway SECRET_KEY and HTTPS enforced as in production: the clients
send `X-Forwarded-Proto: https` as the TLS proxy in front of gunicorn would. Only 127.0.0.1 is used.
The clients request the public pages the bench measures (home, region scorecards, commitments,
indicators, search, the API list), round robin. Exit status 1 when any request failed.
"""

import argparse
import http.client
import os
import secrets
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def production_env() -> dict[str, str]:
    return {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "1",
        "LOG_LEVEL": "WARNING",
    }


def public_urls(env: dict[str, str]) -> list[str]:
    """The bench's sample of public URLs, read from the database by a Django process."""
    code = (
        "import django; django.setup();"
        "from commitments.tools.bench import page_urls;"
        "print('\\n'.join(u for urls in page_urls().values() for u in urls))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={**env, "DJANGO_SETTINGS_MODULE": "tracker.settings"},
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [line for line in out.splitlines() if line.startswith("/")] + ["/status.css"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(port: int, server: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("gunicorn exited before serving")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start within 30 s")


class Tally:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.times: list[float] = []
        self.by_page: dict[str, list[float]] = {}
        self.errors: dict[str, int] = {}

    def add(self, ms: float, error: str | None, url: str = "/") -> None:
        page = "/" + url.split("?")[0].strip("/").split("/")[0]
        with self.lock:
            self.times.append(ms)
            self.by_page.setdefault(page, []).append(ms)
            if error:
                self.errors[error] = self.errors.get(error, 0) + 1


def client(port: int, urls: list[str], offset: int, until: float, tally: Tally) -> None:
    i = offset
    while time.monotonic() < until:
        url = urls[i % len(urls)]
        i += 1
        started = time.perf_counter()
        error = None
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", url, headers={"X-Forwarded-Proto": "https", "Host": "127.0.0.1"})
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                error = f"{response.status} {url}"
            conn.close()
        except OSError as exc:
            error = f"{type(exc).__name__} {url}"
        tally.add((time.perf_counter() - started) * 1000, error, url)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1, help="gunicorn workers")
    args = parser.parse_args(argv)
    env = production_env()
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], env=env, cwd=ROOT, check=True)
    urls = public_urls(env)
    port = free_port()
    server = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "tracker.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        wait_until_up(port, server)
        for url in urls:  # warm every worker's templates and connections a little
            client(port, [url], 0, time.monotonic() + 0.01, Tally())
        tally = Tally()
        until = time.monotonic() + args.seconds
        threads = [
            threading.Thread(target=client, args=(port, urls, n, until, tally), daemon=True)
            for n in range(args.clients)
        ]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
    times = sorted(tally.times)
    p99 = statistics.quantiles(times, n=100)[98] if len(times) > 1 else times[0]
    print(f"{len(urls)} 个地址，{args.clients} 个并发客户端，{elapsed:.0f} 秒，gunicorn {args.workers} 个 worker")
    print(
        f"请求 {len(times)}，吞吐 {len(times) / elapsed:.1f} 次/秒，中位数 {statistics.median(times):.0f} ms，"
        f"p99 {p99:.0f} ms，最慢 {times[-1]:.0f} ms，错误 {sum(tally.errors.values())}"
    )
    for page, page_times in sorted(tally.by_page.items()):
        print(f"  {page:<14} {len(page_times):6d} 次  中位数 {statistics.median(page_times):7.0f} ms")
    for error, count in sorted(tally.errors.items(), key=lambda kv: -kv[1])[:10]:
        print(f"  {count} × {error}")
    return 1 if tally.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
