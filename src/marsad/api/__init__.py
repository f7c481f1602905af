"""The REST API (FastAPI) over the store, serving the web UI at ``/``."""

from marsad.api.app import create_app

__all__ = ["create_app"]
