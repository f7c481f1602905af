"""Scale: the same pipeline on all cores of one machine, or on a Dask cluster."""

from marsad.scale.pool import Serialized, analyze_parallel, serialize_parallel

__all__ = ["Serialized", "analyze_parallel", "serialize_parallel"]
