#!/usr/bin/env bash
# One install script for the production image (Dockerfile) and CI (.ci/run), so CI exercises
# the same steps the image is built with.
#
#   scripts/install.sh system [--build] [--browser] [--pdf-tools]
#                                                      Debian packages: WeasyPrint's libraries and fonts
#                                                      (--build: compilers for wheels; --browser: chromium;
#                                                      --pdf-tools: poppler's pdfsig/pdftotext and NSS's certutil,
#                                                      which check the signed conventions independently, and
#                                                      SoftHSM for the PKCS#11 tests)
#   scripts/install.sh python VENV REQUIREMENTS        a virtualenv with the pinned requirements
set -euo pipefail

step=${1:-}
shift || true

case "$step" in
  system)
    build=0; browser=0; pdf_tools=0
    for arg in "$@"; do
      case "$arg" in
        --build) build=1 ;;
        --browser) browser=1 ;;
        --pdf-tools) pdf_tools=1 ;;
        *) echo "unknown option: $arg" >&2; exit 2 ;;
      esac
    done
    packages=(
      # WeasyPrint renders conventions with Pango and HarfBuzz.
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libharfbuzz0b
      # Images (Pillow wheels bring their own codecs) and fonts for the PDFs.
      fonts-dejavu-core fonts-liberation2 shared-mime-info
      # Translations are compiled at build time.
      gettext
      ca-certificates
    )
    if [ "$build" = 1 ]; then packages+=(build-essential libpq-dev); fi
    if [ "$browser" = 1 ]; then packages+=(chromium); fi
    # softhsm2: a software HSM, to test signing keys kept behind PKCS#11.
    if [ "$pdf_tools" = 1 ]; then packages+=(poppler-utils libnss3-tools softhsm2); fi
    missing=()
    for p in "${packages[@]}"; do
      dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -q
      apt-get install -y -q --no-install-recommends "${missing[@]}"
      rm -rf /var/lib/apt/lists/*
    fi
    ;;
  python)
    venv=${1:?usage: install.sh python VENV REQUIREMENTS}
    requirements=${2:?usage: install.sh python VENV REQUIREMENTS}
    python=${PYTHON:-python3.11}
    command -v "$python" >/dev/null 2>&1 || python=python3
    if [ ! -x "$venv/bin/python" ]; then
      "$python" -m venv "$venv"
    fi
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
    ;;
  *)
    echo "usage: $0 system [--build] [--browser] [--pdf-tools] | python VENV REQUIREMENTS" >&2
    exit 2
    ;;
esac
