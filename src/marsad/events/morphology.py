"""Light inflectional stemming for trigger look-up: verbs back to their 3rd person
masculine singular, verbal nouns back to their singular.

The trigger lexicon stores a verb by its past and imperfect 3ms forms («هدد», «يهدد») and
a verbal noun by its singular («زياره»); news copy inflects them for person, gender,
number and case («هددت», «تستعيد», «يتظاهرون», «اجتماعا», «مظاهرات»). Clitics (و، ب، ال،
the object pronoun) are removed before, by :mod:`marsad.text.clitics`; this module only
undoes inflection, and proposes candidates: the lexicon decides which one is a word.
All forms are matching keys (see :mod:`marsad.text.normalize`).
"""

from __future__ import annotations

from functools import lru_cache

# Perfect-tense subject suffixes, longest first: هددتم، هددنا، هددوا، هددتا، هددت، هددا، هددن.
PERFECT_SUFFIXES = ("تما", "تم", "تن", "نا", "وا", "تا", "ت", "ا", "ن")
# Imperfect subject prefixes (ي he, ت she/you, ن we, ا I) and suffixes (يتظاهرون, تتظاهرين).
IMPERFECT_PREFIXES = ("ي", "ت", "ن", "ا")
IMPERFECT_SUFFIXES = ("ون", "ان", "ين", "وا", "ن", "ا")
# Noun endings: sound feminine plural, duals and masculine plurals, accusative tanwin alif.
NOUN_ENDINGS = (("ات", "ه"), ("تين", "ه"), ("تان", "ه"), ("ين", ""), ("ان", ""), ("ون", ""),
                ("ا", ""))
MIN_STEM = 3  # letters a noun keeps after stripping: shorter candidates are noise
MIN_VERB = 2  # a verb may keep two: doubled roots are written with two letters (شنت -> شن)


@lru_cache(maxsize=100_000)
def verb_bases(stem: str) -> tuple[str, ...]:
    """Candidate 3ms forms of a verb stem (past and imperfect), the stem itself first.

    >>> "هدد" in verb_bases("هددت"), "يستعيد" in verb_bases("تستعيد")
    (True, True)
    """
    found = [stem]
    for suffix in PERFECT_SUFFIXES:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= MIN_VERB:
            found.append(stem[: -len(suffix)])
    if stem[:1] in IMPERFECT_PREFIXES and len(stem) > MIN_VERB:
        imperfect = "ي" + stem[1:]
        found.append(imperfect)
        for suffix in IMPERFECT_SUFFIXES:
            if imperfect.endswith(suffix) and len(imperfect) - len(suffix) > MIN_VERB:
                found.append(imperfect[: -len(suffix)])
    return tuple(dict.fromkeys(found))


@lru_cache(maxsize=100_000)
def noun_bases(stem: str) -> tuple[str, ...]:
    """Candidate singular forms of a noun or adjective stem, the stem itself first.

    >>> noun_bases("مظاهرات")[1], noun_bases("اجتماعا")[1]
    ('مظاهره', 'اجتماع')
    """
    found = [stem]
    for ending, replacement in NOUN_ENDINGS:
        if stem.endswith(ending) and len(stem) - len(ending) >= MIN_STEM:
            base = stem[: -len(ending)] + replacement
            found.append(base)
            if base.endswith("ئ"):  # لقائين -> لقاء
                found.append(base[:-1] + "ء")
    return tuple(dict.fromkeys(found))
