"""Framing and source transparency: how a story is told, not only what it says.

``marsad_framing`` (:mod:`marsad.framing.component`) fills ``doc._.framing``: loaded
terms (:mod:`.terms`, lexicon in ``data/``), the labels each actor is named with
(:mod:`.labels`) and the sourcing scores (:mod:`.scores`); ``docs/framing.md`` defines
every score. ``marsad eval framing`` measures loaded-language spans on ArMPro
(:mod:`.evaluate`).
"""
