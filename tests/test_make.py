"""The two commands on any machine: the interpreter `make` picks, the venv it makes anew, the port it serves on.

scripts/python.sh and scripts/venv.sh run here in a copy of the project, against stand-in interpreters on a
PATH that holds nothing else, so every case is cheap and independent of the Pythons this machine has.
"""

import re
import shutil
import socket
import subprocess
import sys
import tomllib

import pytest
from django.conf import settings

ROOT = settings.BASE_DIR
TOOLS = ("sh", "cat", "head", "rm", "mkdir", "cp", "touch", "dirname", "make")
RANGE = "Python 3.11, 3.12 or 3.13"
STAND_IN = """#!/bin/sh
# Stands in for Python {version}: answers the version probe, makes a venv holding a copy of itself, runs the
# project's scripts with the real interpreter, and logs the rest.
echo "$0 $*" >> "{log}"
case "$1" in scripts/*.py) exec "{real}" "$@" ;; esac
if [ "$1" = -c ]; then
  case "$2" in *version_info*) echo "{version} $0" ;; esac
  exit 0
fi
if [ "$1 $2" = "-m venv" ]; then mkdir -p "$3/bin" && cp "$0" "$3/bin/python" && touch "$3/pyvenv.cfg"; fi
if [ "$1 $2" = "-m pip" ] && [ -e "{pip_fails}" ]; then exit 1; fi
exit 0
"""


class Project:
    """A copy of the Makefile and the venv scripts, and a PATH of stand-in interpreters and the tools they use."""

    def __init__(self, tmp_path):
        self.root = tmp_path / "project"
        (self.root / "scripts").mkdir(parents=True)
        for name in ("python.sh", "venv.sh", "check_port.py"):
            shutil.copy(ROOT / "scripts" / name, self.root / "scripts" / name)
        shutil.copy(ROOT / "Makefile", self.root / "Makefile")
        (self.root / "requirements.txt").write_text("Django==5.2.19\n")
        (self.root / "requirements-dev.txt").write_text("-r requirements.txt\npytest==9.2.0\n")
        self.bin = tmp_path / "bin"
        self.bin.mkdir()
        for tool in TOOLS:
            (self.bin / tool).symlink_to(shutil.which(tool))
        self.log = tmp_path / "calls.log"
        self.log.touch()
        self.pip_fails = tmp_path / "pip-fails"

    def python(self, name, version):
        """Puts a stand-in for Python `version` on the PATH as `name`; version None is a pyenv shim that fails."""
        path = self.bin / name
        if version is None:
            path.write_text(f"#!/bin/sh\necho 'pyenv: {name}: command not found' >&2\nexit 127\n")
        else:
            path.write_text(
                STAND_IN.format(version=version, log=self.log, pip_fails=self.pip_fails, real=sys.executable)
            )
        path.chmod(0o755)
        return path

    def run(self, *command, **env):
        return subprocess.run(
            command, cwd=self.root, env={"PATH": str(self.bin), **env}, capture_output=True, text=True, timeout=60
        )

    def venvs_made(self):
        return [line for line in self.log.read_text().splitlines() if " -m venv " in line]


@pytest.fixture
def project(tmp_path):
    return Project(tmp_path)


def test_the_newest_supported_python_on_the_path_is_chosen(project):
    project.python("python3.10", "3.10.4")
    project.python("python3.11", "3.11.2")
    newest = project.python("python3.12", "3.12.9")
    project.python("python3.13", None)  # a pyenv shim for a version not selected
    project.python("python3.14", "3.14.0")
    project.python("python3", "3.14.0")
    chosen = project.run("sh", "scripts/python.sh")
    assert (chosen.returncode, chosen.stdout) == (0, f"3.12.9 {newest}\n")


def test_python3_is_taken_only_when_its_version_is_supported(project):
    python3 = project.python("python3", "3.13.1")
    assert project.run("sh", "scripts/python.sh").stdout == f"3.13.1 {python3}\n"
    project.python("python3", "3.10.4")
    refused = project.run("sh", "scripts/python.sh")
    assert refused.returncode == 1
    assert RANGE in refused.stderr


def test_without_a_supported_python_make_names_the_supported_versions(project):
    project.python("python3.10", "3.10.4")
    for target in ("run", "test"):
        done = project.run("make", target)
        assert done.returncode != 0
        assert f"No supported Python on the PATH: this project needs {RANGE}" in done.stderr
    assert not (project.root / ".venv").exists()


def test_PYTHON_chooses_the_interpreter_within_the_supported_range(project):
    project.python("python3.12", "3.12.9")
    older = project.python("python3.11", "3.11.2")
    project.python("python3.10", "3.10.4")
    assert project.run("sh", "scripts/python.sh", PYTHON="python3.11").stdout == f"3.11.2 {older}\n"
    too_old = project.run("sh", "scripts/python.sh", PYTHON="python3.10")
    assert too_old.returncode == 1
    assert too_old.stderr == f"PYTHON=python3.10 is Python 3.10.4; this project needs {RANGE}\n"
    missing = project.run("make", "install", "PYTHON=/nowhere/python3.12")
    assert missing.returncode != 0
    assert f"PYTHON=/nowhere/python3.12 does not run; this project needs {RANGE}" in missing.stderr


def test_the_venv_is_made_once_and_records_what_made_it(project):
    python = project.python("python3.12", "3.12.9")
    first = project.run("make", "install")
    assert first.returncode == 0, first.stderr
    assert f"Making .venv with Python 3.12.9 ({python})" in first.stdout
    stamp = (project.root / ".venv" / ".made-from").read_text()
    assert stamp == f"Python 3.12.9 {python}\nDjango==5.2.19\n-r requirements.txt\npytest==9.2.0\n"
    again = project.run("make", "install")
    assert (again.returncode, again.stdout) == (0, "")
    assert len(project.venvs_made()) == 1


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ("requirements", ".venv was made from other requirements: making it anew"),
        ("newer python", ".venv was made by Python 3.11.2 "),
        ("broken python", ".venv no longer runs: making it anew"),
        ("no stamp", ".venv has no record of what made it, or did not finish: making it anew"),
    ],
)
def test_a_venv_made_otherwise_is_made_anew(project, change, reason):
    project.python("python3.11", "3.11.2")
    assert project.run("make", "install").returncode == 0
    venv = project.root / ".venv"
    (venv / "leftover").touch()
    if change == "requirements":
        (project.root / "requirements.txt").write_text("Django==5.2.20\n")
    elif change == "newer python":
        project.python("python3.13", "3.13.0")
    elif change == "broken python":
        (venv / "bin" / "python").write_text("#!/bin/sh\nexit 127\n")
    else:
        (venv / ".made-from").unlink()
    again = project.run("make", "install")
    assert again.returncode == 0, again.stderr
    assert reason in again.stdout
    assert len(project.venvs_made()) == 2
    assert not (venv / "leftover").exists()
    assert (venv / ".made-from").read_text().splitlines()[1] == (
        "Django==5.2.20" if change == "requirements" else "Django==5.2.19"
    )


def test_an_install_that_fails_leaves_no_stamp_so_the_next_run_starts_over(project):
    project.python("python3.12", "3.12.9")
    project.pip_fails.touch()
    assert project.run("make", "install").returncode != 0
    assert not (project.root / ".venv" / ".made-from").exists()
    project.pip_fails.unlink()
    again = project.run("make", "install")
    assert again.returncode == 0
    assert "did not finish: making it anew" in again.stdout
    assert (project.root / ".venv" / ".made-from").exists()


def test_VENV_keeps_a_second_venv_and_a_folder_that_is_not_a_venv_is_left_alone(project):
    project.python("python3.13", "3.13.0")
    oldest = project.python("python3.11", "3.11.2")
    assert project.run("make", "install").returncode == 0
    assert project.run("make", "install", "PYTHON=python3.11", "VENV=.venv-3.11").returncode == 0
    assert (project.root / ".venv-3.11" / ".made-from").read_text().startswith(f"Python 3.11.2 {oldest}\n")
    assert (project.root / ".venv" / ".made-from").read_text().startswith("Python 3.13.0 ")
    assert len(project.venvs_made()) == 2
    (project.root / "notes").mkdir()
    (project.root / "notes" / "keep.txt").touch()
    refused = project.run("make", "install", "VENV=notes")
    assert refused.returncode != 0
    assert "notes exists and is not a venv: remove it or choose another folder with VENV=" in refused.stderr
    assert (project.root / "notes" / "keep.txt").exists()


def check_port(port):
    return subprocess.run(
        [sys.executable, ROOT / "scripts" / "check_port.py", "127.0.0.1", str(port)],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_port_in_use_is_named_with_how_to_choose_another():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        taken = check_port(port)
    assert taken.returncode == 1
    assert re.fullmatch(
        rf"Port {port} on 127.0.0.1 is in use; choose another with `make run PORT=\d+`\n", taken.stderr
    ), taken.stderr
    assert "Traceback" not in taken.stderr
    assert check_port(port).returncode == 0


def test_make_run_on_a_port_in_use_says_so_before_it_touches_the_database(project):
    project.python("python3.12", "3.12.9")
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        taken = project.run("make", "run", f"PORT={port}")
    assert taken.returncode != 0
    assert f"Port {port} on 127.0.0.1 is in use; choose another with `make run PORT=" in taken.stderr
    assert "manage.py" not in project.log.read_text()
    served = project.run("make", "run", f"PORT={port}")
    assert served.returncode == 0, served.stderr
    commands = [line.split("manage.py ")[1] for line in project.log.read_text().splitlines() if "manage.py" in line]
    assert commands == ["migrate --noinput", "load_curated_data", f"runserver 127.0.0.1:{port}"]


def test_the_supported_range_is_stated_alike_everywhere():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert pyproject["project"]["requires-python"] == ">=3.11,<3.14"
    assert pyproject["tool"]["ruff"]["target-version"] == "py311"
    assert 'SUPPORTED="3.13 3.12 3.11"' in (ROOT / "scripts" / "python.sh").read_text()
    assert "On a fresh machine with Python 3.11, 3.12 or 3.13 and `make`" in (ROOT / "README.md").read_text()
    assert sys.version_info[:2] in {(3, 11), (3, 12), (3, 13)}
