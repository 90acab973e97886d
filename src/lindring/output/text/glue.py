"""Text that wraps between words but never between a number and its unit.

rich wraps at any whitespace, the no-break space included, so ``20 mg/24 h`` could end
a line at ``20``. :class:`Glued` keeps a number, its unit and ``/24 h`` together: the
spaces inside them become a placeholder character of the same width while rich wraps,
and are printed as ordinary spaces (a copy pastes cleanly into a chart). Nothing here
prints.
"""

from __future__ import annotations

import re

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

HOLD = "\ue000"  # private use, one cell wide, never whitespace
NBSP = "\u00a0"
_UNITS = (
    r"mg|ml|mikrogram|microgram|µg|mcg|%|h|t|time|timer|min|doses|doser|dose|"
    r"ganger|times|ampoules|ampuller|days|døgn|tablets|tabletter"
)
_GLUE = re.compile(
    rf"(?<=\d) (?=(?:{_UNITS})(?![^\W\d_]))"  # 20 mg, 4 h, 25 %
    r"|(?<=\d\.) (?=time)"  # hver 4. time
    r"|(?<=\d) (?=[+–-] \d)|(?<=\d [+–-]) (?=\d)"  # 25 + 12, 1,5 – 3,5
    r"|(?<=[/~≈]) (?=\d)|(?<=/24) (?=h\b)"  # /24 h
    r"|(?<=\d) (?=x\b)|(?<=\bx) (?=\d)"  # x 2
    rf"|{NBSP}"
)


def glue(text: str) -> str:
    """``text`` with the spaces that must not break replaced by :data:`HOLD`."""
    return _GLUE.sub(HOLD, text)


class Glued:
    """A paragraph of styled pieces that wraps like rich text, keeping units glued."""

    def __init__(self, *pieces: str | tuple[str, str], style: str = "") -> None:
        self.text = Text(style=style)
        for piece in pieces:
            if isinstance(piece, tuple):
                self.text.append(glue(piece[0]), style=piece[1])
            else:
                self.text.append(glue(piece))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in self.text.wrap(console, options.max_width):
            plain = line.plain.replace(HOLD, " ")
            yield Text(plain, style=line.style, spans=line.spans, end="\n")

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        words = self.text.plain.split()
        longest = max((len(w) for w in words), default=0)
        return Measurement(min(longest, options.max_width), min(len(self.text), options.max_width))
