"""Numbers written the Vietnamese way.

Vietnamese writes "." between thousands and "," before decimals: ``101.761`` is one hundred one thousand
seven hundred sixty-one, ``59,9`` is fifty-nine point nine, ``1.234.567,89``.  English writes the mirror
image.  :func:`parse_number` reads either convention strictly (it refuses text that only makes sense in the
other convention rather than guessing) and :func:`format_number` writes them.  Values are always
:class:`decimal.Decimal`; floats are refused.

This module is pure Python (no Django).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, localcontext

__all__ = [
    "NumberParseError",
    "format_number",
    "format_percent",
    "format_signed_percent",
    "parse_number",
]


class NumberParseError(ValueError):
    """Text that is not a number in the expected convention.

    ``code`` is one of ``'empty'``, ``'invalid'``, ``'ambiguous'`` (it reads as a number only in the other
    convention, e.g. ``1,234.5`` or ``1.5`` in Vietnamese) or ``'too_many_decimals'``.  ``str(e)`` is an
    English message naming the text; callers translate by ``code``.
    """

    EMPTY = "empty"
    INVALID = "invalid"
    AMBIGUOUS = "ambiguous"
    TOO_MANY_DECIMALS = "too_many_decimals"

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


# (group separator, decimal separator) per language.
_SEPARATORS = {"vi": (".", ","), "en": (",", ".")}
# Space-like characters accepted as thousands separators in both languages.
_SPACES = "\u0020\u00a0\u2007\u2009\u202f"
_SPACE_TRANS = dict.fromkeys(map(ord, _SPACES), " ")
_MINUS_SIGNS = "-\u2212\u2013"


def _lang(lang: str) -> str:
    base = lang.strip().lower().replace("_", "-").split("-")[0]
    if base not in _SEPARATORS:
        raise ValueError(f"unsupported language {lang!r}; expected 'vi' or 'en'")
    return base


def _grammar(group: str, dec: str) -> re.Pattern[str]:
    """Strict grammar: plain digits, or groups of three joined by ``group`` (or by single spaces)."""
    g, d = re.escape(group), re.escape(dec)
    integer = rf"(?:[0-9]+|[0-9]{{1,3}}(?:{g}[0-9]{{3}})+|[0-9]{{1,3}}(?: [0-9]{{3}})+)"
    return re.compile(rf"(?P<int>{integer})(?:{d}(?P<frac>[0-9]+))?")


_GRAMMARS = {lang: _grammar(*seps) for lang, seps in _SEPARATORS.items()}


def _match(body: str, lang: str) -> tuple[str, str] | None:
    """(integer digits, fraction digits) when ``body`` is a well-formed number in ``lang``."""
    m = _GRAMMARS[lang].fullmatch(body)
    if m is None:
        return None
    group = _SEPARATORS[lang][0]
    return m["int"].replace(group, "").replace(" ", ""), m["frac"] or ""


def parse_number(text: str, *, lang: str = "vi", max_decimals: int | None = None) -> Decimal:
    """Read a number written in the ``lang`` convention ("vi" or "en") and return it as a Decimal.

    vi: ``101.761`` -> 101761, ``59,9`` -> 59.9, ``1.234.567,89``, ``-2,1``, ``" 31.167 "``, ``101 761``
    (a space, no-break space or thin space may group thousands).  A single dot followed by exactly three
    digits groups thousands (``1.500`` = 1500).  Strictness:

    * ``'ambiguous'``: the text is only a number in the other convention: ``1,234.5``, ``1,234,567``,
      ``1.5``, ``12.75`` in vi (and the mirror cases in en);
    * ``'invalid'``: letters, stray signs, bad grouping (``1.23.456``, ``1.2.3,4``);
    * ``'empty'``: nothing but spaces;
    * ``'too_many_decimals'``: more than ``max_decimals`` significant decimals (trailing zeros of the
      fraction are not counted: ``59,90`` fits one decimal).

    A leading ``-`` (or the Unicode minus sign) or ``+`` is accepted.  The returned Decimal keeps the
    written fraction digits (``59,90`` -> ``Decimal("59.90")``).
    """
    lang = _lang(lang)
    if not isinstance(text, str):
        raise TypeError(f"parse_number expects text, got {type(text).__name__}")
    s = unicodedata.normalize("NFC", text).translate(_SPACE_TRANS).strip()
    if not s:
        raise NumberParseError(NumberParseError.EMPTY, "empty number")
    sign = ""
    if s[0] in _MINUS_SIGNS or s[0] == "+":
        sign = "-" if s[0] != "+" else ""
        s = s[1:]
    if not s or not s[0].isascii() or not s[0].isdigit():
        raise NumberParseError(NumberParseError.INVALID, f"{text!r} is not a number")

    parsed = _match(s, lang)
    if parsed is None:
        other = "en" if lang == "vi" else "vi"
        if _match(s, other) is not None:
            raise NumberParseError(NumberParseError.AMBIGUOUS, _ambiguous_message(text, lang))
        raise NumberParseError(NumberParseError.INVALID, f"{text!r} is not a well-formed number")
    integer, fraction = parsed
    if max_decimals is not None and len(fraction.rstrip("0")) > max_decimals:
        raise NumberParseError(
            NumberParseError.TOO_MANY_DECIMALS,
            f"{text!r} has more than {max_decimals} decimal place{'s' if max_decimals != 1 else ''}",
        )
    return Decimal(f"{sign}{integer}.{fraction}" if fraction else f"{sign}{integer}")


def _ambiguous_message(text: str, lang: str) -> str:
    if lang == "vi":
        return (
            f"{text!r} looks like the English way of writing numbers; in Vietnamese the decimal separator "
            f"is a comma and '.' separates thousands (write 1.234,5 or 0,5)"
        )
    return (
        f"{text!r} looks like the Vietnamese way of writing numbers; in English the decimal separator "
        f"is a dot and ',' separates thousands (write 1,234.5 or 0.5)"
    )


# -- formatting --------------------------------------------------------------------------------------


def _to_decimal(value: Decimal | int) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise TypeError(f"expected a Decimal or int, got {type(value).__name__} (floats are not accepted)")
    value = Decimal(value)
    if not value.is_finite():
        raise ValueError(f"cannot format {value}")
    return value


def _round(value: Decimal, decimals: int) -> Decimal:
    """Round half up to exactly ``decimals`` places, with enough precision never to lose integer digits."""
    if decimals < 0:
        raise ValueError("decimals must be >= 0")
    with localcontext() as ctx:
        ctx.prec = max(28, value.adjusted() + decimals + 3)
        return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def _digits(value: Decimal, decimals: int | None) -> tuple[bool, str, str]:
    """(negative, integer digits, fraction digits) of ``value`` rounded as requested."""
    if decimals is not None:
        value = _round(value, decimals)
    text = format(value, "f")  # exact, never in exponent notation
    negative = text.startswith("-")
    integer, _, fraction = text.lstrip("-").partition(".")
    if decimals is None:
        fraction = fraction.rstrip("0")
    if value.is_zero():
        negative = False  # no "-0"
    return negative, integer, fraction


def _group(integer: str, separator: str) -> str:
    head = len(integer) % 3 or 3
    parts = [integer[:head]] + [integer[i : i + 3] for i in range(head, len(integer), 3)]
    return separator.join(parts)


def format_number(
    value: Decimal | int | None, decimals: int | None = None, *, lang: str = "vi", grouping: bool = True
) -> str:
    """Write ``value`` in the ``lang`` convention.

    vi: ``Decimal("101761")`` -> ``101.761``, ``Decimal("905.653")`` -> ``905,653``, ``-2,1``; en: ``101,761``.
    ``decimals=None`` writes as many decimals as the value has, trailing zeros stripped (``59.90`` ->
    ``59,9``); ``decimals=n`` rounds half up to ``n`` places and keeps exactly ``n``.  ``None`` -> ``""``.
    ``grouping=False`` omits the thousands separators.  Floats raise ``TypeError``.
    """
    if value is None:
        return ""
    lang = _lang(lang)
    group, dec = _SEPARATORS[lang]
    negative, integer, fraction = _digits(_to_decimal(value), decimals)
    if grouping:
        integer = _group(integer, group)
    body = f"{integer}{dec}{fraction}" if fraction else integer
    return f"-{body}" if negative else body


def format_percent(value: Decimal | int | None, decimals: int | None = 1, *, lang: str = "vi") -> str:
    """``59,9%`` (no space before the sign, as in CLDR ``vi``).

    ``decimals`` is kept exactly (``decimals=1`` writes ``60,0%``); ``decimals=None`` writes the natural
    decimals without trailing zeros (``60%``).  ``None`` -> ``""``.
    """
    if value is None:
        return ""
    return f"{format_number(value, decimals, lang=lang)}%"


def format_signed_percent(value: Decimal | int | None, decimals: int | None = 1, *, lang: str = "vi") -> str:
    """A change with its sign: ``+15,9%``, ``-2,1%``; a value that rounds to zero is written ``0%``."""
    if value is None:
        return ""
    number = _to_decimal(value)
    if decimals is not None:
        number = _round(number, decimals)
    if number.is_zero():
        return "0%"
    text = format_number(number, decimals, lang=lang)
    return f"{text}%" if number < 0 else f"+{text}%"
