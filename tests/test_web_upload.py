"""Attacks on `POST /api/ingest` and on `dyad serve`'s binding: each refused with a clear message, or the
file stored safely (under a safe name, read by its content)."""

from __future__ import annotations

import gzip
import hmac
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="dyad serve needs fastapi (install the serve dependencies)")
from fastapi.testclient import TestClient  # noqa: E402

from dyad.errors import DyadError  # noqa: E402
from dyad.serve import app as web  # noqa: E402
from dyad.serve import create_app, upload  # noqa: E402
from dyad.serve.upload import MAX_NAME_BYTES, safe_name  # noqa: E402
from dyad.store import Store  # noqa: E402
from test_ingest import make_pdf  # noqa: E402

TOKEN = "s3cret-upload-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
NOTE = "Peru and Russia signed a trade agreement in Lima on {day} May 2021 ({what}).\n"


def note(what: str, day: int = 5) -> bytes:
    return NOTE.format(day=day, what=what).encode()


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(f"sqlite:///{tmp_path / 'up.db'}", allow_ingest=True, token=TOKEN, max_files=3)
    with TestClient(app) as c:
        yield c


def stored(client: TestClient) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = client.get("/api/documents").json()["items"]
    return items


# -- the token ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "status", "words"),
    [
        ({}, 401, "Authorization: Bearer"),
        ({"Authorization": "Bearer "}, 401, "Authorization: Bearer"),
        ({"Authorization": f"Token {TOKEN}"}, 401, "Bearer"),
        ({"Authorization": f"Bearer {TOKEN[:-1]}"}, 403, "wrong token"),
        ({"Authorization": f"Bearer {TOKEN}x"}, 403, "wrong token"),
        ({"Authorization": "Bearer s\u00e9cret".encode("latin-1")}, 403, "wrong token"),
    ],
)
def test_an_upload_without_the_right_token_is_refused(
    client: TestClient, headers: dict, status: int, words: str
) -> None:
    response = client.post("/api/ingest", files={"files": ("a.txt", note("a"))}, headers=headers)
    assert response.status_code == status and words in response.json()["error"]
    assert stored(client) == []


def test_the_token_is_compared_in_constant_time(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    compared: list[tuple[bytes, bytes]] = []
    original = hmac.compare_digest

    def compare_digest(a: bytes, b: bytes) -> bool:
        compared.append((a, b))
        return original(a, b)

    monkeypatch.setattr(upload.hmac, "compare_digest", compare_digest)
    client.post(
        "/api/ingest", files={"files": ("a.txt", note("a"))}, headers={"Authorization": "Bearer guess"}
    )
    assert (b"guess", TOKEN.encode()) in compared


def test_a_read_only_server_refuses_every_upload(tmp_path: Path) -> None:
    with TestClient(create_app(f"sqlite:///{tmp_path / 'ro.db'}")) as c:
        response = c.post("/api/ingest", files={"files": ("a.txt", note("a"))}, headers=AUTH)
        assert response.status_code == 403 and "read-only" in response.json()["error"]
        assert "/api/ingest" not in c.get("/openapi.json").json()["paths"]


# -- size and count -------------------------------------------------------------------------------------


def test_an_upload_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    app = create_app(f"sqlite:///{tmp_path / 'up.db'}", allow_ingest=True, token=TOKEN, max_bytes=2000)
    with TestClient(app) as c:
        big = {"files": ("big.txt", note("big") * 40)}
        response = c.post("/api/ingest", files=big, headers=AUTH)
        assert response.status_code == 413 and "over the limit of 2,000 bytes" in response.json()["error"]
        assert stored(c) == []


def test_an_upload_without_a_length_is_refused(client: TestClient) -> None:
    body = iter([b"--x\r\n", b'Content-Disposition: form-data; name="files"; filename="a.txt"\r\n\r\n'])
    headers = {**AUTH, "Content-Type": "multipart/form-data; boundary=x"}
    response = client.post("/api/ingest", content=body, headers=headers)
    assert response.status_code == 411 and "Content-Length" in response.json()["error"]


def test_an_upload_of_too_many_files_is_refused_whole(client: TestClient) -> None:
    files = [("files", (f"n{i}.txt", note(str(i), day=i + 1))) for i in range(4)]
    response = client.post("/api/ingest", files=files, headers=AUTH)
    assert response.status_code == 413 and "4 files is over the limit of 3 files" in response.json()["error"]
    assert stored(client) == []


# -- decompression bombs --------------------------------------------------------------------------------


def _zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("inner.txt", b"0" * 20_000_000)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("bomb.txt", _zip_bomb(), "a zip archive"),
        ("bomb.html", gzip.compress(b"<p>" * 7_000_000), "gzip-compressed data"),
        ("bomb.zip", _zip_bomb(), "a zip archive"),
    ],
)
def test_a_compressed_bomb_is_refused_unopened(
    client: TestClient, name: str, data: bytes, words: str
) -> None:
    assert len(data) < 100_000  # 20 MB inside
    body = client.post("/api/ingest", files={"files": (name, data, "text/plain")}, headers=AUTH).json()
    assert body["ok"] is False and body["failed"][0]["file"] == name and words in body["failed"][0]["reason"]
    assert stored(client) == []


def test_a_compressed_request_body_is_not_inflated(client: TestClient) -> None:
    body = gzip.compress(b"--x\r\n" + b"0" * 20_000_000)
    headers = {**AUTH, "Content-Encoding": "gzip", "Content-Type": "multipart/form-data; boundary=x"}
    response = client.post("/api/ingest", content=body, headers=headers)
    assert response.status_code == 400 and response.json()["error"]
    assert stored(client) == []


# -- file names -----------------------------------------------------------------------------------------

ODD_NAMES = {
    "traversal": "../../escaped.txt",
    "windows traversal": "..\\..\\escaped.txt",
    "absolute": "/tmp/dyad-absolute-escape.txt",
    "nul": "note\x00.txt.sh",
    "very long": "\u00e9" * 300 + ".txt",
    "rtl override": "report\u202etxt.exe",
    "dot only": "..",
    "hidden": ".bashrc",
    "newline": "a\r\nContent-Type: text/html.txt",
}


@pytest.mark.parametrize("name", ODD_NAMES.values(), ids=ODD_NAMES.keys())
def test_an_odd_file_name_becomes_a_plain_base_name(name: str) -> None:
    safe = safe_name(name, 7)
    assert safe and "/" not in safe and "\\" not in safe and not safe.startswith(".")
    assert all(ch.isprintable() and ch not in "\u202e\u200f" for ch in safe)
    assert len(safe.encode()) <= MAX_NAME_BYTES


def test_uploads_with_odd_names_are_stored_inside_the_upload_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    uploads = tmp_path / "deep" / "er" / "uploads"
    uploads.mkdir(parents=True)
    monkeypatch.setenv("TMPDIR", str(uploads))  # where the upload's temporary folder is made
    monkeypatch.setattr(upload.tempfile, "tempdir", None)
    app = create_app(f"sqlite:///{tmp_path / 'up.db'}", allow_ingest=True, token=TOKEN)
    files = [("files", (name, note(key, day=i + 1))) for i, (key, name) in enumerate(ODD_NAMES.items())]
    with TestClient(app) as c:
        body = c.post("/api/ingest", files=files, headers=AUTH).json()
        names = sorted(d["name"] for d in stored(c))
    assert body["ok"] is True and len(body["added"]) == len(ODD_NAMES)
    assert names == sorted(body["added"])
    assert "escaped.txt" in names and "dyad-absolute-escape.txt" in names
    assert not (tmp_path / "deep" / "escaped.txt").exists() and not (tmp_path / "escaped.txt").exists()
    assert not Path("/tmp/dyad-absolute-escape.txt").exists()
    assert list(uploads.iterdir()) == []  # the temporary folder is gone, nothing left beside it


# -- content-type spoofing ------------------------------------------------------------------------------


def test_a_file_is_read_by_its_content_not_its_name_or_claimed_type(client: TestClient) -> None:
    pdf = make_pdf([["Peru and Russia signed a fisheries agreement in Lima on 3 March 2020."]])
    html = (
        b"<!doctype html><html><head><title>Peru and Russia</title><script>alert(1)</script></head><body>"
        b"<p>Peru and Russia signed a space agreement in Moscow on 9 June 2018.</p></body></html>"
    )
    files = [
        ("files", ("really-a-pdf.txt", pdf, "text/plain")),
        ("files", ("really-html.pdf", html, "application/pdf")),
        ("files", ("really-html.txt", html.replace(b"space", b"energy"), "text/plain")),
    ]
    body = client.post("/api/ingest", files=files, headers=AUTH).json()
    assert body["ok"] is True, body
    formats = {d["name"]: d["format"] for d in stored(client)}
    assert formats == {"really-a-pdf.txt": "pdf", "really-html.pdf": "html", "really-html.txt": "html"}
    text = client.get("/api/documents/really-html.pdf").json()["text"]
    assert "space agreement" in text and "<script>" not in text and "alert" not in text


# -- binding --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("host", ["127.0.0.1", "::1", "localhost", "127.0.0.2"])
def test_loopback_needs_nothing(host: str) -> None:
    web.check_binding(host, public=False, allow_ingest=True, token=TOKEN)


def test_a_host_name_is_judged_by_the_address_it_resolved_to() -> None:
    web.check_binding("my-laptop", bound="127.0.1.1", public=False, allow_ingest=False, token=None)
    with pytest.raises(DyadError, match="add --public"):
        web.check_binding("my-laptop", bound="10.0.0.5", public=False, allow_ingest=False, token=None)


@pytest.mark.parametrize(
    ("host", "public", "allow_ingest", "token", "words"),
    [
        ("0.0.0.0", False, False, None, "add --public"),
        ("192.168.1.20", False, False, None, "add --public"),
        ("::", False, True, TOKEN, "add --public"),
        ("0.0.0.0", True, True, None, "without --token"),
    ],
)
def test_a_reachable_address_needs_public_and_then_read_only_or_a_token(
    host: str, public: bool, allow_ingest: bool, token: str | None, words: str
) -> None:
    with pytest.raises(DyadError, match=words) as caught:
        web.check_binding(host, public=public, allow_ingest=allow_ingest, token=token)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(("allow_ingest", "token"), [(False, None), (True, TOKEN)])
def test_public_is_read_only_or_token_guarded(allow_ingest: bool, token: str | None) -> None:
    web.check_binding("0.0.0.0", public=True, allow_ingest=allow_ingest, token=token)


def test_serve_refuses_a_reachable_host_in_one_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from dyad.cli import app

    db = str(tmp_path / "store.db")
    Store(f"sqlite:///{db}").close()
    result = CliRunner().invoke(app, ["serve", "--db", db, "--host", "0.0.0.0", "--port", "8765"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "error: refusing to serve on 0.0.0.0: other machines could read the store; add --public to mean it, "
        "or use --host 127.0.0.1"
    ]
