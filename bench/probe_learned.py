"""Could a classifier trained on gold sentences find the events the rules miss? A probe, not a component.

Every sentence of the synthetic tuning sets is labelled by the gold events whose evidence it carries
(none, or a type), and marked when the rules read an event of its document's pair from it. A bag of
words (country names masked, so that no pair is learned) trains two logistic regressions on one half of
the sets — is there an event, and of which type — and the other half is scored: how well sentences with
an event are told from the rest, and, among the sentences the rules read nothing from, how many the
classifier would add with the right type against how many it would add wrongly.

    pip install scikit-learn   # the probe's own need; dyad does not depend on it
    python bench/probe_learned.py [--C 4]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from dyad import pipeline
from dyad.clean.sentences import split_sentences
from eval_sets import corpus_files

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ("blind_d1", "blind_f1", "blind_h1", "blind_j1", "heldout", "heldout_c")
SCORE = ("blind_d2", "blind_g1", "blind_i1", "blind_k1", "heldout_b", "example_ind_chn")


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _carries(sentence: str, evidence: str) -> bool:
    a, b = _words(sentence), _words(evidence)
    return bool(a) and len(b) >= 3 and len(a & b) / min(len(a), len(b)) >= 0.6


def sentence_rows(name: str) -> list[dict[str, Any]]:
    """One row per sentence of a set: its text, its document's pair, the rules' events, the gold's."""
    files, gold_path = corpus_files(name)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    rows = []
    for path in files:
        result = pipeline.process_file(str(path), pipeline.Options())
        if not isinstance(result, list):
            continue
        pair = sorted((gold.get("dyads") or {}).get(path.name) or gold.get("dyad") or [])
        for processed in result:
            starts = Counter(e.source.start for e in processed.events if sorted(e.participants) == pair)
            for sentence in split_sentences(processed.document.text.split("\n\n")):
                golds = [
                    g
                    for g in gold.get("events") or []
                    if sorted(g.get("participants") or []) == pair
                    and any(
                        isinstance(ev, dict)
                        and ev.get("doc") == path.name
                        and _carries(sentence.text, ev["text"])
                        for ev in g.get("evidence") or []
                    )
                ]
                required = [g for g in golds if not g.get("optional")]
                label = (required or golds or [{"type": "none"}])[0]["type"]
                rows.append(
                    {
                        "text": sentence.text,
                        "label": label,
                        "required": bool(required),
                        "types": {
                            t for g in required or golds for t in [g["type"], *(g.get("alt_types") or [])]
                        },
                        "rules": any(sentence.start <= s < sentence.end for s in starts),
                    }
                )
    return rows


def country_mask() -> re.Pattern[str]:
    names = []
    with open(ROOT / "src" / "dyad" / "knowledge" / "countries.tsv", encoding="utf-8") as table:
        for row in csv.DictReader((line for line in table if not line.startswith("#")), delimiter="\t"):
            for column in ("name", "aliases", "adjectives", "capital", "metonyms"):
                names += [n.strip() for n in (row.get(column) or "").split("|") if len(n.strip()) > 2]
    names.sort(key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")(?:'s)?\b")


def main() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--C", type=float, default=4.0, help="inverse regularisation of both regressions")
    args = parser.parse_args()
    train = [r for name in TRAIN for r in sentence_rows(name)]
    scored = [r for name in SCORE for r in sentence_rows(name)]
    mask = country_mask()
    vectors = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    x_train = vectors.fit_transform([mask.sub(" CTRY ", r["text"]) for r in train])
    x_scored = vectors.transform([mask.sub(" CTRY ", r["text"]) for r in scored])
    detect = LogisticRegression(max_iter=2000, C=args.C).fit(x_train, [r["label"] != "none" for r in train])
    events = [i for i, r in enumerate(train) if r["label"] != "none"]
    kind = LogisticRegression(max_iter=2000, C=args.C).fit(
        x_train[events], [train[i]["label"] for i in events]
    )
    p_event = detect.predict_proba(x_scored)[:, 1]
    kinds = kind.classes_[kind.predict_proba(x_scored).argmax(axis=1)]
    print(
        f"trained on {len(train)} sentences of {', '.join(TRAIN)}; "
        f"scored on {len(scored)} of {', '.join(SCORE)}"
    )
    missed = sum(1 for r in scored if r["required"] and not r["rules"])
    rules_read = [r for r in scored if r["rules"]]
    with_event = sum(r["label"] != "none" for r in scored)
    read_right = sum(r["label"] != "none" for r in rules_read)
    print(
        f"rules: sentences with an event P {read_right / max(1, len(rules_read)):.2f} "
        f"R {read_right / max(1, with_event):.2f} ({len(rules_read)} read); {missed} sentences carrying a "
        "required event read nothing"
    )
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        flagged = p_event >= threshold
        hits = sum(1 for f, r in zip(flagged, scored, strict=True) if f and r["label"] != "none")
        added = Counter()
        for f, k, r in zip(flagged, kinds, scored, strict=True):
            if f and not r["rules"]:
                added[
                    "no gold"
                    if r["label"] == "none"
                    else "optional"
                    if not r["required"]
                    else "right type"
                    if k in r["types"]
                    else "wrong type"
                ] += 1
        right = added["right type"]
        wrong = added["wrong type"] + added["no gold"]
        print(
            f"threshold {threshold:.1f}: sentences with an event P {hits / max(1, flagged.sum()):.2f} "
            f"R {hits / max(1, with_event):.2f} | where the rules read nothing: "
            f"right type {right} of {missed}, "
            f"wrong type {added['wrong type']}, no gold {added['no gold']}, optional {added['optional']} "
            f"(precision of what it adds {right / max(1, right + wrong):.2f})"
        )


if __name__ == "__main__":
    main()
