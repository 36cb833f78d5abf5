"""Events: the French PLOVER event coder.

:func:`code_events` is the pipeline stage; the lexicon lives in
``data/triggers.yaml`` and the status cues in ``data/status.yaml``.
"""

from selon.events.coder import code_document, code_sentence, find_triggers, load_lexicon
from selon.model import Document

__all__ = ["code_events", "code_document", "code_sentence", "find_triggers", "load_lexicon"]


def code_events(document: Document) -> Document:
    """Fill ``document.events`` with the PLOVER events of every sentence."""
    return code_document(document)
