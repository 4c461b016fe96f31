"""Problems found in entries: values collected, then reported together.

A Problem names the file, the line (where known), the field and what would
be right. Nothing in the pipeline raises on bad input; it returns Problems,
and the caller (the build hook or ``newsroom check``) reports all of them.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from .messages import say

# Control characters and line separators from a file name or a field's value would break
# the one-line report or drive the terminal (ESC [ …): shown as \xNN instead.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
# A name the file system gives that is not UTF-8 holds these (surrogate escapes): no
# terminal or JSON output can carry them as they are.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Characters XML 1.0 cannot carry (feeds, sitemaps) and no reader can see.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


@dataclass(frozen=True, order=True)
class Problem:
    path: str            # as the writer knows it: "news/2564/x.md"
    line: int            # 1-based; 0 when the problem is about the whole file
    field: str           # front matter field, or "file" / "body" / "url"
    message: str         # what is wrong and, where known, what would be right

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return _UNPRINTABLE.sub(_escaped, f"{where}: {self.field}: {self.message}")

    def as_dict(self) -> dict[str, object]:
        return {k: _SURROGATE.sub(_escaped, v) if isinstance(v, str) else v
                for k, v in asdict(self).items()}


def _escaped(found: re.Match[str]) -> str:
    """A character no report can carry as it is, as \\xNN."""
    return f"\\x{ord(found.group()):02x}"


def printable(text: str) -> str:
    """Text safe to print in a one-line message: control characters shown as \\xNN."""
    return "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in text)


def control_message(character: str) -> str:
    """What to say of a control character found in a value, a body or a file."""
    return say("control", code=f"{ord(character):04X}")


def report(problems: list[Problem]) -> str:
    """All problems, one a line, sorted by file and line, with a count."""
    lines = [str(p) for p in sorted(set(problems))]
    files = len({p.path for p in problems})
    return "\n".join([*lines, say("report.count", problems=len(lines), files=files,
                                  noun="problem" if len(lines) == 1 else "problems",
                                  files_noun="file" if files == 1 else "files")])
