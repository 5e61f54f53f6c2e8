#!/bin/sh
# Makes the venv $VENV (default .venv) with the interpreter scripts/python.sh picks, and makes it anew when
# the one there was made by another interpreter or from other requirements, no longer runs, or did not
# finish: a stamp inside it records the interpreter and the requirements, written once all is installed.
set -eu
cd "$(dirname "$0")/.."
venv=${VENV:-.venv}
found=$(sh scripts/python.sh)
version=${found%% *}
python=${found#* }
stamp="$venv/.made-from"
wanted=$(printf 'Python %s %s\n' "$version" "$python" && cat requirements.txt requirements-dev.txt)

if [ -e "$venv" ]; then
  if [ ! -f "$venv/pyvenv.cfg" ]; then
    echo "$venv exists and is not a venv: remove it or choose another folder with VENV=" >&2
    exit 1
  fi
  if [ ! -f "$stamp" ]; then
    reason="has no record of what made it, or did not finish"
  elif ! "$venv/bin/python" -c '' 2> /dev/null; then
    reason="no longer runs"
  elif [ "$(head -n 1 "$stamp")" != "Python $version $python" ]; then
    reason="was made by $(head -n 1 "$stamp")"
  elif [ "$(cat "$stamp")" != "$wanted" ]; then
    reason="was made from other requirements"
  else
    exit 0
  fi
  echo "$venv $reason: making it anew"
  rm -rf "$venv"
fi

echo "Making $venv with Python $version ($python)"
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
printf '%s\n' "$wanted" > "$stamp"
