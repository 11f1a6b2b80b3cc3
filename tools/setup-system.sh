#!/usr/bin/env bash
# Install the system parts the library needs (LibreOffice, its Python bridge, tcmalloc, CJK fonts,
# poppler)
# with apt when possible, and extract the open Fandol 仿宋/楷体 fonts into the project's virtualenv;
# otherwise say exactly what is missing and what still works. Never fails the build for a missing
# part, except in CI (CI=true), where every part is required.
set -u

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
# Project-local font folder (inside .venv, which git ignores); the library looks here first.
FONT_DIR="${SAFECOMMUNITY_DOCS_FONT_DIR:-$ROOT/.venv/share/safecommunity-docs/fonts}"
FANDOL_FILES=(FandolFang-Regular.otf FandolKai-Regular.otf)
FANDOL_PACKAGE="texlive-lang-chinese"

missing=()
have_soffice() { command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1; }
have_calc() { [ -e /usr/lib/libreoffice/program/libsclo.so ] || ls /usr/lib/libreoffice/program/ 2>/dev/null | grep -q '^libsc'; }
have_font() { fc-list 2>/dev/null | grep -qi "$1"; }
have_tcmalloc() {
  local f
  for f in /usr/lib/*/libtcmalloc_minimal.so.4 /usr/lib64/libtcmalloc_minimal.so.4; do [ -e "$f" ] && return 0; done
  return 1
}
have_uno() { [ -x /usr/bin/python3 ] && /usr/bin/python3 -I -c 'import uno' >/dev/null 2>&1; }
have_fandol() {
  local f
  for f in "${FANDOL_FILES[@]}"; do [ -s "$FONT_DIR/$f" ] || return 1; done
}

check() {
  missing=()
  have_soffice || missing+=("libreoffice-writer-nogui")
  have_calc || missing+=("libreoffice-calc-nogui")
  have_uno || missing+=("python3-uno")
  have_tcmalloc || missing+=("libtcmalloc-minimal4")  # LibreOffice starts and converts faster
  have_font "Noto Serif CJK" || missing+=("fonts-noto-cjk")
  have_font "AR PL UKai" || missing+=("fonts-arphic-ukai")
  have_font "Liberation Serif" || missing+=("fonts-liberation2")  # Times New Roman (English)
  command -v pdftoppm >/dev/null 2>&1 || missing+=("poppler-utils")
  command -v fc-list >/dev/null 2>&1 || missing+=("fontconfig")
}

# Download texlive-lang-chinese (without installing TeX) and copy only FandolFang and FandolKai
# (with their licence) into $FONT_DIR: the library's own code (render/pdf/fandol.py, standard
# library only), the same that `safecommunity-docs fonts install` runs from an installed wheel.
install_fandol() {
  local python
  python="$(command -v python3 || true)"
  [ -n "$python" ] || { echo "setup: python3 not found; cannot fetch the Fandol fonts" >&2; return 1; }
  echo "setup: fetching FandolFang/FandolKai from Debian's $FANDOL_PACKAGE (TeX is not installed)"
  "$python" "$ROOT/tools/fetch_fonts.py" "$FONT_DIR" && have_fandol
}

check
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: system parts present (LibreOffice, python3-uno, tcmalloc, Noto CJK, AR PL UKai, Liberation, poppler)"
elif [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "setup: installing with apt: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
    check
  else
    echo "setup: apt-get could not install: ${missing[*]}" >&2
  fi
fi

fandol_missing=0
if have_fandol; then
  echo "setup: Fandol fonts present in $FONT_DIR"
elif install_fandol; then
  echo "setup: installed FandolFang and FandolKai into $FONT_DIR"
else
  fandol_missing=1
  cat >&2 <<MSG
setup: MISSING the open 仿宋/楷体 fonts (FandolFang, FandolKai) in $FONT_DIR
  Get them with:  python3 tools/fetch_fonts.py $FONT_DIR   (or, installed: safecommunity-docs fonts install)
  Still works without them: PDFs use Noto Serif CJK SC for 仿宋 and AR PL UKai CN for 楷体.
MSG
fi

if [ ${#missing[@]} -gt 0 ]; then
  cat >&2 <<MSG
setup: MISSING system packages: ${missing[*]}
  Install them with:  sudo apt-get install --no-install-recommends ${missing[*]}
  Still works without them: loading, validation, scoring, JSON Schemas, docx/xlsx writing.
  Needs them: PDF conversion and the LibreOffice-marked tests (LibreOffice, python3-uno for warm
  workers, fonts), page images (poppler); tcmalloc only makes LibreOffice faster.
MSG
fi
if [ "${CI:-}" = "true" ] && { [ ${#missing[@]} -gt 0 ] || [ "$fandol_missing" = 1 ]; }; then
  echo "setup: CI must have every system part; failing." >&2
  exit 1
fi
exit 0
