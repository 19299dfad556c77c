"""Words and numbers for readers: vi/en labels, number formats and money units.

Vietnamese writes 7.700 and 10,25; English writes 7,700 and 10.25. Formatting uses Babel's
CLDR data for the ``vi_VN`` and ``en_US`` locales.
"""

from __future__ import annotations

import html
import math

from babel.numbers import format_decimal, format_percent

from kcanalysis.errors import ParameterError

LANGS = ("vi", "en")
_LOCALES = {"vi": "vi_VN", "en": "en_US"}

#: Fixed phrases of the reports, by language.
PHRASES: dict[str, dict[str, str]] = {
    "synthetic_banner": {
        "vi": "DỮ LIỆU MINH HỌA TỔNG HỢP: các số liệu trong báo cáo này là số liệu giả lập "
        "dùng để trình diễn, không phải số liệu thực của tỉnh.",
        "en": "SYNTHETIC DEMONSTRATION DATA: the numbers in this report are invented for "
        "demonstration; they are not the province's real figures.",
    },
    "mixed_banner": {
        "vi": "SỐ LIỆU THỰC BÊN CẠNH DỮ LIỆU MINH HỌA: số liệu của {own} lấy từ tệp của "
        "người dùng ({files}); số liệu của các tỉnh khác trong báo cáo này là số liệu giả "
        "lập dùng để trình diễn, không phải số liệu thực (số liệu giả lập của chính địa bàn "
        "này không được dùng).",
        "en": "YOUR FIGURES BESIDE SYNTHETIC DEMONSTRATION DATA: the figures of {own} come "
        "from the user's files ({files}); the other provinces' figures in this report are "
        "invented for demonstration, not real (no synthetic figure of this territory is "
        "used).",
    },
    "million_vnd": {"vi": "triệu đồng", "en": "million VND"},
    "billion_vnd": {"vi": "tỷ đồng", "en": "billion VND"},
    "persons": {"vi": "người", "en": "persons"},
    "count": {"vi": "", "en": ""},
    "not_available": {"vi": "không có số liệu", "en": "not available"},
    "more_than": {"vi": "hơn", "en": "more than"},
    "less_than": {"vi": "dưới", "en": "less than"},
    "about": {"vi": "khoảng", "en": "about"},
}

_QUALIFIER_PHRASE = {">": "more_than", "<": "less_than", "~": "about"}


def check_lang(lang: str) -> str:
    """Return `lang` if supported, else raise `ParameterError` naming the choices."""
    if lang not in LANGS:
        raise ParameterError(f"lang={lang!r} is not supported; use one of {', '.join(LANGS)}.")
    return lang


def phrase(key: str, lang: str = "vi") -> str:
    """Return a fixed phrase of the reports in `lang`."""
    return PHRASES[key][check_lang(lang)]


def format_number(value: float | None, lang: str = "vi", decimals: int | None = 0) -> str:
    """Format a number for readers: vi ``7.700`` / ``10,25``; en ``7,700`` / ``10.25``.

    Parameters
    ----------
    value : float or None
        The number; None or NaN gives an en dash.
    lang : {"vi", "en"}
    decimals : int or None
        Digits after the decimal separator (exactly this many are shown); None shows as
        many as the value needs, up to 6 (vi ``1.234.567,5``, as in messages about cells).

    Returns
    -------
    str
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if decimals is None:
        pattern, decimals = "#,##0.######", 6
    else:
        pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(
        round(float(value), decimals), format=pattern, locale=_LOCALES[check_lang(lang)]
    )


def format_percent_value(ratio: float | None, lang: str = "vi", decimals: int = 1) -> str:
    """Format a ratio as a percentage (0.8406 -> vi ``84,1 %``... Babel's CLDR pattern)."""
    if ratio is None or (isinstance(ratio, float) and math.isnan(ratio)):
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "") + "%"
    return format_percent(ratio, format=pattern, locale=_LOCALES[check_lang(lang)])


def format_money(value_mvnd: float | None, lang: str = "vi", unit: str = "auto") -> str:
    """Format an amount given in million VND, with its unit stated.

    ``unit="auto"`` shows billions (tỷ đồng) from 1.000 million upwards, else millions.

    >>> format_money(43735, "vi")
    '43,7 tỷ đồng'
    >>> format_money(262.5, "en")
    '262.5 million VND'
    """
    if value_mvnd is None or (isinstance(value_mvnd, float) and math.isnan(value_mvnd)):
        return "–"
    if unit == "auto":
        unit = "billion" if abs(value_mvnd) >= 1000 else "million"
    if unit == "billion":
        return f"{format_number(value_mvnd / 1000, lang, 1)} {phrase('billion_vnd', lang)}"
    decimals = 0 if float(value_mvnd).is_integer() else 1
    return f"{format_number(value_mvnd, lang, decimals)} {phrase('million_vnd', lang)}"


def figure_decimals(value: float | None) -> int:
    """Decimals a figure is written with: none for a whole number (a count, or money in
    whole millions), one otherwise.

    >>> figure_decimals(4882.0), figure_decimals(39541.5), figure_decimals(None)
    (0, 1, 0)
    """
    if value is None or not math.isfinite(float(value)):
        return 0
    return 0 if float(value).is_integer() else 1


def format_figure(value: float | None, lang: str = "vi") -> str:
    """Format a figure as written: "4.882" for a whole number, "39.541,5" otherwise."""
    return format_number(value, lang, figure_decimals(value))


def format_qualified(
    value: float | None, qualifier: str, lang: str = "vi", decimals: int = 0
) -> str:
    """Format a number with its qualifier in words (">" 7700 -> vi "hơn 7.700")."""
    number = format_number(value, lang, decimals)
    key = _QUALIFIER_PHRASE.get(qualifier or "")
    return f"{phrase(key, lang)} {number}" if key else number


def escape(value: object) -> str:
    """HTML-escape text that comes from data (names, titles, notes, sources)."""
    return html.escape("" if value is None else str(value), quote=True)
