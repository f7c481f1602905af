"""``marsad serve``: the REST API and the web UI."""

from __future__ import annotations

import sys

import click

from marsad.cliutils import EXIT_USAGE, error, warning
from marsad.store.cli import DB_HELP

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@click.command()
@click.option("--db", help=DB_HELP)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default serves this machine only.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--token", envvar="MARSAD_API_TOKEN", metavar="TOKEN",
              help="Bearer token that enables POST /ingest [default: $MARSAD_API_TOKEN; "
                   "without one the store is read-only].")
@click.option("--rate-limit", type=click.IntRange(min=1), default=None, metavar="N",
              help="POST /analyze and /ingest requests a client may make a minute "
                   "[default: 60].")
def serve(db, host, port, token, rate_limit) -> None:
    """Serve the REST API and the web UI (http://HOST:PORT/).

    The OpenAPI schema is at /openapi.json. The UI works offline: every asset, the world
    basemap included, is served from the package.
    """
    import uvicorn

    from marsad.api.app import RATE_PER_MINUTE, create_app
    from marsad.store import StoreError

    try:
        app = create_app(db, token, rate_per_minute=rate_limit or RATE_PER_MINUTE)
    except StoreError as exc:
        error(str(exc))
        sys.exit(EXIT_USAGE)
    if host not in LOOPBACK:
        warning(f"listening on {host}: anyone who can reach this machine can read the store")
    click.echo(f"marsad: serving {app.state.store.engine.url.render_as_string()} at "
               f"http://{host}:{port}/", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


COMMANDS = [serve]
