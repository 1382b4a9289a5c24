"""Jinja2 environments for the two report formats, both escaping by default.

HTML: autoescape, so document text (titles, sentences, authors) is always text, never markup.
Markdown: a ``finalize`` hook backslash-escapes every printed value (Markdown and inline-HTML syntax,
table pipes, line breaks); only values the template marks ``|safe`` pass unchanged.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~#!])")
_SPACE = re.compile(r"\s+")


def md_escape(value: Any) -> str:
    """Text that a Markdown renderer shows as itself, on one line (safe inside a table cell)."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return str(value)
    return _MD_SPECIAL.sub(r"\\\1", _SPACE.sub(" ", str(value)))


@lru_cache(maxsize=2)
def environment(fmt: str) -> Environment:
    loader = PackageLoader("dyad.report", "templates")
    if fmt == "html":
        return Environment(
            loader=loader, autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True
        )
    return Environment(
        loader=loader,
        autoescape=False,
        undefined=StrictUndefined,
        finalize=md_escape,
        keep_trailing_newline=True,
    )


def stylesheet() -> str:
    return resources.files("dyad.report").joinpath("templates", "report.css").read_text(encoding="utf-8")


def render(fmt: str, **context: Any) -> str:
    template = environment(fmt).get_template(f"report.{'html' if fmt == 'html' else 'md'}.j2")
    return template.render(**context)
