"""Scale: the same pipeline on all cores of one machine, or on a Dask cluster."""

from marsad.scale.pool import analyze_parallel

__all__ = ["analyze_parallel"]
