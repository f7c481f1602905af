"""The transformer reference for `make bench`, run in its own environment (.venv-bench).

A BERT-base token classifier with AraBERT's configuration and random weights (nothing is
downloaded) tags the texts it reads as JSON on standard input; it prints the seconds it
took. It lives apart from marsad's environment because thinc (spaCy) imports torch at start
whenever torch is installed, which would slow every marsad start by seconds.

    echo '["نص أول", "نص ثان"]' | .venv-bench/bin/python benchmarks/bert_reference.py
"""

import json
import sys
import time

import torch
from transformers import BertConfig, BertForTokenClassification

MAX_PIECES = 128
# Word pieces per whitespace word: AraBERT's fertility on news is about 1.4.
FERTILITY = 1.4


def main() -> None:
    texts = json.load(sys.stdin)
    torch.manual_seed(0)
    config = BertConfig(vocab_size=64000, hidden_size=768, num_hidden_layers=12,
                        num_attention_heads=12, intermediate_size=3072,
                        max_position_embeddings=512, num_labels=9)
    model = BertForTokenClassification(config).eval()
    words = [len(t.split()) for t in texts]
    # each text is cut into 128-piece windows, as taggers do
    windows = sum(max(1, -(-int(n * FERTILITY) // MAX_PIECES)) for n in words)
    batch = torch.randint(0, config.vocab_size, (8, MAX_PIECES))
    with torch.inference_mode():
        model(input_ids=batch[:1])  # warm-up
        started = time.perf_counter()
        done = 0
        while done < windows:
            size = min(8, windows - done)
            model(input_ids=batch[:size])
            done += size
        seconds = time.perf_counter() - started
    json.dump({"seconds": seconds, "texts": len(texts), "tokens": sum(words),
               "windows": windows, "threads": torch.get_num_threads()}, sys.stdout)


if __name__ == "__main__":
    main()
