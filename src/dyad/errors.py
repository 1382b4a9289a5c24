"""One root error; one subclass per stage. Messages name the input and say what to do."""


class DyadError(Exception):
    """Root of every error dyad raises on purpose."""


class SettingsError(DyadError):
    """A setting, config file or environment variable is invalid."""


class IngestError(DyadError):
    """A file cannot be read as a document (binary, empty, broken, too large...)."""


class CleanError(DyadError):
    """Cleaning or sentence segmentation failed for a document."""


class ExtractError(DyadError):
    """Fact extraction failed for a document."""


class KnowledgeError(DyadError):
    """A knowledge file is missing or malformed."""


class StoreError(DyadError):
    """The store cannot be opened, read or written."""


class EvalError(DyadError):
    """A gold file cannot be read or scored."""


class ClusterError(DyadError):
    """A Dask cluster cannot be started or reached, or Dask is not installed."""
