"""marsad (مرصد): Arabic news in, structured, sourced, checkable event data out.

>>> import marsad
>>> analysis = marsad.analyze("وصل وزير الخارجية إلى القاهرة اليوم.", published="2020-07-06")
>>> analysis.article.published
'2020-07-06'
"""

__version__ = "0.1.0"

from marsad.pipeline import analyze, analyze_documents, load

__all__ = ["__version__", "analyze", "analyze_documents", "load"]
