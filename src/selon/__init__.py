"""selon: French news to PLOVER events, each tied to the sources that claim it."""

from selon.model import Article, Record

__version__ = "0.1.0"
__all__ = ["Article", "Record", "extract", "extract_many", "__version__"]


def __getattr__(name: str):
    # the pipeline imports spaCy; keep `import selon` light for the model and CLI help
    if name in ("extract", "extract_many"):
        from selon import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
