"""Why the system refused to read or write a file, in the reader's language.

``OSError.strerror`` is the C library's English ("No such file or directory"); a
Norwegian message with an English reason in it is a leak. :func:`os_reason` gives the
reason as a :class:`~lindring.model.Localized` parameter, so the message that carries it
is written in one language; an error number not listed here keeps the system's words.
"""

from __future__ import annotations

import errno

from lindring.model import Localized

_REASONS: dict[int, tuple[str, str]] = {
    errno.ENOENT: ("filen eller mappen finnes ikke", "no such file or directory"),
    errno.EACCES: ("ingen tilgang", "permission denied"),
    errno.EPERM: ("ikke tillatt", "operation not permitted"),
    errno.EISDIR: ("det er en mappe", "it is a directory"),
    errno.ENOTDIR: ("en del av stien er ikke en mappe", "a part of the path is not a directory"),
    errno.ENOSPC: ("disken er full", "no space left on the device"),
    errno.EROFS: ("filsystemet er skrivebeskyttet", "the file system is read-only"),
    errno.EEXIST: ("finnes fra før", "it exists already"),
    errno.ENAMETOOLONG: ("navnet er for langt", "the name is too long"),
    errno.ELOOP: ("for mange symbolske lenker", "too many levels of symbolic links"),
    errno.EDQUOT: ("diskkvoten er brukt opp", "the disk quota is used up"),
    errno.EIO: ("lese- eller skrivefeil på disken", "input/output error"),
}


def os_reason(exc: BaseException) -> Localized | str:
    """The reason ``exc`` gives, in both languages where its error number is known."""
    number = getattr(exc, "errno", None)
    if isinstance(number, int) and number in _REASONS:
        nb, en = _REASONS[number]
        return Localized(nb, en)
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
