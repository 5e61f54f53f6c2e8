#!/bin/sh
# Prints "VERSION EXECUTABLE" of the interpreter to build the venv with: $PYTHON when it is set, else the
# newest supported one on the PATH. Exits 1 naming the supported versions when there is none, so a machine
# whose Python is 3.12 or 3.13 needs no edit. pyproject.toml's requires-python and the README say the same.
SUPPORTED="3.13 3.12 3.11"
RANGE="Python 3.11, 3.12 or 3.13"

# Prints "3.13.0 /path/to/python3.13" when $1 runs: a pyenv shim of an unselected version exits non-zero.
probe() {
  "$1" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3], sys.executable)' 2> /dev/null
}

supported() {
  for minor in $SUPPORTED; do
    case "$1" in "$minor".*) return 0 ;; esac
  done
  return 1
}

if [ -n "${PYTHON:-}" ]; then
  if ! found=$(probe "$PYTHON"); then
    echo "PYTHON=$PYTHON does not run; this project needs $RANGE" >&2
    exit 1
  fi
  if ! supported "${found%% *}"; then
    echo "PYTHON=$PYTHON is Python ${found%% *}; this project needs $RANGE" >&2
    exit 1
  fi
  echo "$found"
  exit 0
fi

for minor in $SUPPORTED; do
  if found=$(probe "python$minor") && supported "${found%% *}"; then
    echo "$found"
    exit 0
  fi
done
if found=$(probe python3) && supported "${found%% *}"; then
  echo "$found"
  exit 0
fi
echo "No supported Python on the PATH: this project needs $RANGE (python3.13, python3.12 or python3.11)," >&2
echo "or name one with PYTHON=/path/to/python3.x" >&2
exit 1
