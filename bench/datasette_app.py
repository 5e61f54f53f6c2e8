"""Datasette over the benchmark's SQLite file, as an ASGI app for uvicorn (`make bench` compares the API with it).

Runs in its own virtual environment (bench/.venv-datasette), never the API's: Datasette is a yardstick,
not a dependency. The file is opened as `datasette FILE` opens it (mutable, the default settings), so
the figures are what a new user of Datasette gets. The path comes from DATASETTE_DB.
"""

import os

from datasette.app import Datasette

app = Datasette(files=[os.environ["DATASETTE_DB"]]).app()
