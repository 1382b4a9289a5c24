"""The parser dyad loads gives every token what the pinned model's own pipeline gives: its attribute
ruler, read as lookups (``parse.TagMapRuler``), sets the same parts of speech, morphology and lemmas."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from dyad.extract import parse

spacy = pytest.importorskip("spacy")

DATA = Path(__file__).parent / "data"


def _sentences(every: int = 10) -> list[str]:
    """Every ``every``-th line or sentence of the committed test documents (synthetic, held-out and story
    sets): about 1,300 of 13,000, so that the parse of both pipelines takes seconds, not minutes."""
    found: list[str] = []
    for path in sorted(DATA.rglob("*")):
        if path.is_file() and path.suffix in (".txt", ".md", ".html", ".json") and "text" not in path.parts:
            pieces = re.split(r"(?<=[.!?])\s+|\n+", path.read_text(encoding="utf-8", errors="replace"))
            found += [p for p in pieces if 3 < len(p) < 600]
    return found[::every]


def _reading(doc: Any) -> list[tuple[Any, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


def test_the_parser_reads_every_token_as_the_models_own_pipeline_does() -> None:
    sentences = _sentences()
    assert len(sentences) > 1000
    ours = parse.load_parser()
    model = spacy.load(parse._model_dir(), exclude=["ner", "senter"])
    assert type(ours.get_pipe("attribute_ruler")) is parse.TagMapRuler
    assert type(model.get_pipe("attribute_ruler")) is not parse.TagMapRuler
    differ = [
        text
        for text, a, b in zip(sentences, ours.pipe(sentences), model.pipe(sentences), strict=True)
        if _reading(a) != _reading(b)
    ]
    assert differ == []


def test_a_space_a_negation_and_a_two_word_rule_are_read_as_the_model_reads_them() -> None:
    """The rules of one token found by their word, those that name none, and those of two tokens."""
    text = "We  gon na sign it: Lima did n't protest, and there is the treaty  they had wanted."
    ours, model = parse.load_parser()(text), spacy.load(parse._model_dir(), exclude=["ner", "senter"])(text)
    assert _reading(ours) == _reading(model)
    by_text = {t.text: t for t in ours}
    assert by_text["n't"].pos_ == "PART" and by_text["n't"].lemma_ == "not"
    assert by_text["gon"].lemma_ == "go"
    assert any(t.pos_ == "SPACE" for t in ours)
