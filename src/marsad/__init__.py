"""marsad (مرصد): Arabic news in, structured, sourced, checkable event data out.

>>> import marsad
>>> analysis = marsad.analyze("وصل وزير الخارجية إلى القاهرة اليوم.", published="2020-07-06")
>>> analysis.article.published
'2020-07-06'
"""

__version__ = "0.1.0"

__all__ = ["__version__", "analyze", "analyze_documents", "load"]


def __getattr__(name: str):
    # The pipeline (spaCy and every model) is imported on first use, so that tools that
    # only need the package's light parts (the CLI's help, the store) start fast.
    if name in {"analyze", "analyze_documents", "load"}:
        from marsad import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'marsad' has no attribute {name!r}")
