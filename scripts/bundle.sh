#!/usr/bin/env bash
# Build the one-folder bundle dist/guichet with PyInstaller (build.spec), then run the bundle's
# own self-test from another folder, with an empty environment: no virtualenv, no PYTHONPATH,
# no settings of this machine. PyInstaller builds for the system it runs on (see README).
#   scripts/bundle.sh          build into build/ and dist/ (both ignored by git), then check
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
python="$root/.venv/bin/python"
if [ ! -x "$python" ]; then
  "$root/scripts/bootstrap.sh" test
fi
"$python" -c "import PyInstaller" 2>/dev/null || "$python" -m pip install --quiet -e ".[build]"

started=$(date +%s)
"$python" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build build.spec
echo "Bundle construit en $(( $(date +%s) - started )) s : dist/guichet ($(du -sh dist/guichet | cut -f1))"

exe="$root/dist/guichet/guichet"
[ -x "$exe" ] || exe="$root/dist/guichet/guichet.exe"
home="$(mktemp -d -t guichet-bundle-home.XXXXXX)"
trap 'rm -rf "$home"' EXIT
cd "$home"
report="$(env -i HOME="$home" PATH=/usr/bin:/bin TMPDIR="$home" LANG=C.UTF-8 "$exe" --self-test)"
echo "$report"
# A bundle without ReportLab's accelerator still works, 25-40 % slower on every PDF: refuse it.
grep -q "Accélérateur PDF (rl_accel) : présent" <<<"$report" || {
  echo "bundle : l'accélérateur PDF rl_accel manque dans dist/guichet" >&2
  exit 1
}
