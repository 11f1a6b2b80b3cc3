#!/usr/bin/env bash
# Install the system parts the library needs (LibreOffice, CJK fonts, poppler) with apt when
# possible; otherwise say exactly what is missing and what still works. Never fails the build
# for a missing part: the Python library and its validation work without them.
set -u

missing=()
have_soffice() { command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1; }
have_calc() { [ -e /usr/lib/libreoffice/program/libsclo.so ] || ls /usr/lib/libreoffice/program/ 2>/dev/null | grep -q '^libsc'; }
have_font() { fc-list 2>/dev/null | grep -qi "$1"; }

check() {
  missing=()
  have_soffice || missing+=("libreoffice-writer-nogui")
  have_calc || missing+=("libreoffice-calc-nogui")
  have_font "Noto Serif CJK" || missing+=("fonts-noto-cjk")
  have_font "AR PL UKai" || missing+=("fonts-arphic-ukai")
  command -v pdftoppm >/dev/null 2>&1 || missing+=("poppler-utils")
  command -v fc-list >/dev/null 2>&1 || missing+=("fontconfig")
}

check
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: system parts present (LibreOffice, Noto CJK, AR PL UKai, poppler)"
  exit 0
fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "setup: installing with apt: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
    check
  else
    echo "setup: apt-get could not install: ${missing[*]}" >&2
  fi
fi

if [ ${#missing[@]} -gt 0 ]; then
  cat >&2 <<MSG
setup: MISSING system packages: ${missing[*]}
  Install them with:  sudo apt-get install --no-install-recommends ${missing[*]}
  Still works without them: loading, validation, scoring, JSON Schemas, docx/xlsx writing.
  Needs them: PDF conversion and the LibreOffice-marked tests (LibreOffice, fonts), page images (poppler).
MSG
  if [ "${CI:-}" = "true" ]; then
    echo "setup: CI must have every system part; failing." >&2
    exit 1
  fi
fi
exit 0
