"""factlint: a fact-consistency linter for news text.

The Python API: `check_paths` and `check_texts` return a `Report`; plugins
import `hookimpl`, `Rule`, `CorpusRule`, `Example` and the models from here.
"""

__version__ = "0.1.0"

from .hookspecs import hookimpl  # noqa: E402
from .models import Attribution, DateMention, Finding, Location, OpinionCue, Quantity, Report, Severity  # noqa: E402
from .rule import CorpusRule, Example, Rule  # noqa: E402
from .api import check_paths, check_texts  # noqa: E402

__all__ = [
    "Attribution", "CorpusRule", "DateMention", "Example", "Finding", "Location", "OpinionCue",
    "Quantity", "Report", "Rule", "Severity", "check_paths", "check_texts", "hookimpl", "__version__",
]
