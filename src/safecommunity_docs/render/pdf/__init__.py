"""PDF conversion: Word documents to PDF with LibreOffice (or a fake), and the embedded-font check.

:class:`LibreOfficeConverter` keeps warm soffice workers with the library's own fontconfig file
(the declared 仿宋_GB2312, 楷体_GB2312, 黑体, 宋体 and 方正小标宋简体 mapped to open fonts);
:class:`FakeConverter` stands in where LibreOffice is beside the point. :func:`embedded_fonts`
and :func:`font_warnings` inspect a PDF's fonts (a fallback of the mapping is warned about).
"""

from .base import Converter, ConverterStats, check_pdf
from .fake import FakeConverter, fake_pdf
from .fontcheck import FontInfo, declared_fonts, embedded_fonts, font_warnings
from .fontconfig import fandol_dir, write_fontconfig
from .libreoffice import LibreOfficeConverter, find_soffice, find_uno_python

__all__ = [
    "Converter",
    "ConverterStats",
    "FakeConverter",
    "FontInfo",
    "LibreOfficeConverter",
    "check_pdf",
    "declared_fonts",
    "embedded_fonts",
    "fake_pdf",
    "fandol_dir",
    "find_soffice",
    "find_uno_python",
    "font_warnings",
    "write_fontconfig",
]
