"""The font mapping: which open font stands in for each font name our Word documents declare."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class OpenFont:
    """An open font the mapping uses: its fontconfig ``family``, the prefix of its PostScript
    name in a PDF (``postscript``), the Debian ``package`` it comes from and the command that
    installs it (``install``)."""

    family: str
    postscript: str
    package: str
    install: str


_FANDOL_INSTALL = "safecommunity-docs fonts install"
_APT = "sudo apt-get install --no-install-recommends "
FANDOL_FANG = OpenFont("FandolFang", "FandolFang", "texlive-lang-chinese", _FANDOL_INSTALL)
FANDOL_KAI = OpenFont("FandolKai", "FandolKai", "texlive-lang-chinese", _FANDOL_INSTALL)
NOTO_SERIF = OpenFont(
    "Noto Serif CJK SC", "NotoSerifCJK", "fonts-noto-cjk", _APT + "fonts-noto-cjk"
)
NOTO_SANS = OpenFont("Noto Sans CJK SC", "NotoSansCJK", "fonts-noto-cjk", _APT + "fonts-noto-cjk")
UKAI = OpenFont("AR PL UKai CN", "UKai", "fonts-arphic-ukai", _APT + "fonts-arphic-ukai")
LIBERATION_SERIF = OpenFont(
    "Liberation Serif", "LiberationSerif", "fonts-liberation2", _APT + "fonts-liberation2"
)


@dataclass(frozen=True, slots=True)
class Mapping:
    """One declared font name and the open fonts fontconfig tries for it, best first.

    ``fonts[0]`` is the font the mapping expects; the others are fallbacks that change the look
    (and the page breaks) of the document, so a PDF that uses them gets a warning.
    """

    declared: str
    fonts: tuple[OpenFont, ...]
    bold: bool = False

    @property
    def expected(self) -> OpenFont:
        """The font this name should be set in."""
        return self.fonts[0]

    @property
    def fallbacks(self) -> tuple[OpenFont, ...]:
        """The fonts used when the expected one is not installed."""
        return self.fonts[1:]


FONT_MAP: tuple[Mapping, ...] = (
    *(Mapping(name, (FANDOL_FANG, NOTO_SERIF)) for name in ("仿宋_GB2312", "仿宋", "FangSong")),
    *(Mapping(name, (FANDOL_KAI, UKAI)) for name in ("楷体_GB2312", "楷体", "KaiTi")),
    *(Mapping(name, (NOTO_SANS,)) for name in ("黑体", "SimHei")),
    *(Mapping(name, (NOTO_SERIF,)) for name in ("宋体", "SimSun")),
    Mapping("方正小标宋简体", (NOTO_SERIF,), bold=True),
    Mapping("Times New Roman", (LIBERATION_SERIF,)),
)
"""仿宋 → FandolFang (else Noto Serif CJK SC), 楷体 → FandolKai (else AR PL UKai CN), 黑体 → Noto
Sans CJK SC, 宋体 → Noto Serif CJK SC, 方正小标宋简体 → Noto Serif CJK SC Bold; Times New Roman
(the English documents' Latin text) → Liberation Serif, which has its metrics."""


def open_fonts() -> list[OpenFont]:
    """Return every open font the mapping names, each once, in mapping order."""
    seen: dict[str, OpenFont] = {}
    for mapping in FONT_MAP:
        for font in mapping.fonts:
            seen.setdefault(font.family, font)
    return list(seen.values())


def expected_fonts() -> list[OpenFont]:
    """Return the fonts the mapping expects (never only a fallback), each once."""
    wanted = {m.expected.family for m in FONT_MAP}
    return [font for font in open_fonts() if font.family in wanted]


def fallback_warnings(used: set[str], declared: set[str] | None = None) -> list[str]:
    """Return a warning for each declared name whose expected font is missing from ``used``
    (PostScript names, subset tags removed) while one of its fallbacks is there.

    ``declared`` limits the check to the names a document declares (default: every name).
    """
    warnings: list[str] = []
    reported: set[tuple[str, str]] = set()

    def has(font: OpenFont) -> bool:
        return any(name.startswith(font.postscript) for name in used)

    for mapping in FONT_MAP:
        if declared is not None and mapping.declared not in declared:
            continue
        if has(mapping.expected):
            continue
        for fallback in mapping.fallbacks:
            key = (mapping.expected.family, fallback.family)
            if has(fallback) and key not in reported:
                reported.add(key)
                warnings.append(
                    f"font fallback: {mapping.declared} is set in {fallback.family} instead of "
                    f"{mapping.expected.family} (not found; install it with: "
                    f"{mapping.expected.install}); page breaks differ"
                )
    return warnings
