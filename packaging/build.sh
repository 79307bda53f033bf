#!/usr/bin/env bash
# Builds the one-folder bundle dist/plandesk/ with the Python environment this runs in (Linux; Windows has
# packaging/windows/build.ps1). That environment needs PlanDesk's dependencies (pip install -e ".[postgres]"
# or ".[test]", which includes the PostgreSQL driver); PyInstaller is installed into it here.
#
#   packaging/build.sh              build dist/plandesk/
#   packaging/build.sh --archive    also pack it as dist/plandesk-VERSION-linux-ARCH.tar.gz
#
# Then: python packaging/smoke.py dist/plandesk
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python}
export PIP_DISABLE_PIP_VERSION_CHECK=1

archive=0
for arg in "$@"; do
  case "$arg" in
    --archive) archive=1 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

# PlanDesk's dependencies must be importable here: PyInstaller bundles what it finds, and a missing one would
# only show when an office uses it. The PostgreSQL driver is installed if missing (offices share databases).
if ! "$PYTHON" -c "import importlib.metadata as m; m.version('plandesk')" 2>/dev/null; then
  "$PYTHON" -m pip install -q ".[postgres]"
elif ! "$PYTHON" -c "import psycopg" 2>/dev/null; then
  "$PYTHON" -m pip install -q "psycopg[binary]>=3.1,<4"
fi
"$PYTHON" -m pip install -q "pyinstaller>=6.10,<7"

started=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/plandesk.spec
echo "dist/plandesk: $(du -sh dist/plandesk | cut -f1), built in $(( $(date +%s) - started )) s"

if [ "$archive" = 1 ]; then
  version=$("$PYTHON" -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])")
  name="plandesk-$version-linux-$(uname -m).tar.gz"
  tar -C dist -czf "dist/$name" plandesk
  echo "dist/$name: $(du -sh "dist/$name" | cut -f1)"
fi
