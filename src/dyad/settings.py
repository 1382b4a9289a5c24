"""One settings object: package defaults < config file < environment < explicit overrides."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from dyad.errors import SettingsError

ENV_PREFIX = "DYAD_"


@dataclass(slots=True, frozen=True)
class Settings:
    db: str = "dyad.db"
    workers: int = 0
    max_bytes: int = 50 * 1024 * 1024
    dyad: str = ""
    knowledge_dirs: tuple[str, ...] = field(default_factory=tuple)
    dask: str = ""  # ingest on Dask: "local" or a scheduler address; empty = local worker processes
    upload_max_files: int = 100  # `dyad serve --allow-ingest`: files in one upload (all within max_bytes)

    @property
    def db_url(self) -> str:
        """The store URL; a bare path means a SQLite file."""
        return self.db if "://" in self.db else f"sqlite:///{self.db}"

    @property
    def worker_count(self) -> int:
        return self.workers if self.workers > 0 else (os.cpu_count() or 1)

    @property
    def dyad_codes(self) -> tuple[str, ...]:
        return tuple(c.strip().upper() for c in self.dyad.split(",") if c.strip())


def _coerce(name: str, value: Any) -> Any:
    kinds = {f.name: f.type for f in fields(Settings)}
    if name not in kinds:
        raise SettingsError(f"unknown setting {name!r}; known: {', '.join(sorted(kinds))}")
    kind = kinds[name]
    try:
        if kind == "int":
            return int(value)
        if kind.startswith("tuple"):
            items = value.split(os.pathsep) if isinstance(value, str) else value
            return tuple(str(v) for v in items if str(v))
        return str(value)
    except (TypeError, ValueError) as exc:
        raise SettingsError(f"setting {name!r}: cannot use {value!r} ({exc})") from exc


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SettingsError(f"cannot read config file {path}: {exc}") from exc


def load_settings(config: str | Path | None = None, **overrides: Any) -> Settings:
    """Build the settings; ``overrides`` whose value is None are ignored (unset CLI flags)."""
    values: dict[str, Any] = tomllib.loads(resources.files("dyad").joinpath("defaults.toml").read_text())
    config_path = Path(config or os.environ.get(ENV_PREFIX + "CONFIG", "dyad.toml"))
    if config or config_path.exists():
        values.update(_read_toml(config_path))
    for f in fields(Settings):
        env = os.environ.get(ENV_PREFIX + f.name.upper())
        if env is not None:
            values[f.name] = env
    values.update({k: v for k, v in overrides.items() if v is not None})
    return replace(Settings(), **{k: _coerce(k, v) for k, v in values.items()})
