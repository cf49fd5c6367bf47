#!/usr/bin/env bash
# Browser tests drive Debian's chromium; install it from Debian's packages when missing (never a downloaded build).
set -euo pipefail
# The filing tests also open generated .docx files in LibreOffice and read the PDF back (poppler-utils); the
# spreadsheet tests convert with LibreOffice Calc (libreoffice-calc-nogui: the Calc filters, no GUI).
ontbreekt=()
command -v chromium >/dev/null 2>&1 || ontbreekt+=(chromium fonts-dejavu-core)
command -v soffice >/dev/null 2>&1 || ontbreekt+=(libreoffice-writer-nogui fonts-crosextra-carlito)
command -v pdftotext >/dev/null 2>&1 || ontbreekt+=(poppler-utils)
[ -e /usr/lib/libreoffice/program/libsclo.so ] || ontbreekt+=(libreoffice-calc-nogui)
fc-list 2>/dev/null | grep -qi carlito || ontbreekt+=(fonts-crosextra-carlito)
[ ${#ontbreekt[@]} -eq 0 ] && exit 0
echo "installing from Debian's packages: ${ontbreekt[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${ontbreekt[@]}" >/dev/null
command -v chromium >/dev/null && command -v soffice >/dev/null && command -v pdftotext >/dev/null && [ -e /usr/lib/libreoffice/program/libsclo.so ]
