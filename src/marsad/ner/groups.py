"""The NER feature group names, in a module without heavy imports: the CLI reads them for
its ``--features`` option and help at start-up, and must not pull in spaCy to do so."""

GROUPS = ("word", "shape", "affix", "ngram", "clitic", "context", "gazetteer", "clusters",
          "skipgram")

# Minutes to learn each word-cluster group's table from SaudiNewsNet on two cores, for the
# trainer's log, the model card and the CLI's help (`--reuse-clusters` skips them all).
CLUSTER_MINUTES = {"clusters": 1, "skipgram": 7}
ALL_CLUSTER_MINUTES = sum(CLUSTER_MINUTES.values())
# Minutes to train the BiLSTM (20 epochs on one thread), and its context language model
# (two epochs over SaudiNewsNet on two threads; kept by `--reuse-clusters`), for the same.
BILSTM_MINUTES = 14
CONTEXT_MINUTES = 21
# Which taggers also train on the Wojood sample (`marsad train ner --wojood CHOICE`): the
# BiLSTM gains from it, the CRF loses (the model card has both measurements).
WOJOOD_TAGGERS = {"bilstm": ("bilstm",), "all": ("crf", "bilstm"), "none": ()}
WOJOOD_USES = tuple(WOJOOD_TAGGERS)
