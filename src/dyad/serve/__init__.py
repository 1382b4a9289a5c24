"""``dyad serve``: a JSON API (with an OpenAPI schema) and a dashboard over a store.

>>> from dyad.serve import create_app, get
>>> app = create_app("sqlite:///dyad.db")  # doctest: +SKIP  (uvicorn.run(app) or dyad.serve.run)
>>> get("sqlite:///dyad.db", "/api/events?dyad=PER,RUS&min_sources=2")  # doctest: +SKIP
(200, '{"total":1,...}')

Read-only by default; ``create_app(..., allow_ingest=True, token="T")`` adds uploads (``POST
/api/ingest`` with ``Authorization: Bearer T``). Charts use the Plotly library of the installed ``plotly``
package, served at ``/static/plotly.min.js``, so the dashboard works offline.
"""

from __future__ import annotations

from dyad.serve.app import create_app, get, listen, run

__all__ = ["create_app", "get", "listen", "run"]
