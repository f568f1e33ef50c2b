"""The suite runs on the database DATABASE_URL names: `make test` runs it on SQLite, then on PostgreSQL."""

import importlib.util
import os
from pathlib import Path

from django.db import connection

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "with_postgres.py"


def test_the_suite_runs_on_the_database_that_database_url_names():
    url = os.environ.get("DATABASE_URL", "")
    assert connection.vendor == ("postgresql" if url.startswith(("postgres:", "postgresql:")) else "sqlite")


def test_the_postgres_runner_passes_the_socket_folder_as_a_quoted_host():
    spec = importlib.util.spec_from_file_location("with_postgres", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    uri = "postgresql://postgres@/postgres?host=/work/main/data/pg"
    assert module.database_url(uri) == "postgres://postgres@%2Fwork%2Fmain%2Fdata%2Fpg/postgres"
