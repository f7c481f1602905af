"""The NER feature group names, in a module without heavy imports: the CLI reads them for
its ``--features`` option at start-up, and must not pull in spaCy to do so."""

GROUPS = ("word", "shape", "affix", "ngram", "clitic", "context", "gazetteer", "clusters",
          "skipgram")
