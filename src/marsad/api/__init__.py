"""The REST API (FastAPI) over the store, serving the web UI at ``/``."""

__all__ = ["create_app"]


def __getattr__(name: str):
    # FastAPI is imported when the app is built, not when `marsad --help` lists commands.
    if name == "create_app":
        from marsad.api.app import create_app

        return create_app
    raise AttributeError(f"module 'marsad.api' has no attribute {name!r}")
