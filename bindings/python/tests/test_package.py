"""The package itself: metadata, exports, typing files, and that we test the installed wheel."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
from pathlib import Path

import marrowkb
from conftest import REPO


def test_tests_run_against_the_installed_package() -> None:
    installed = Path(sysconfig.get_paths()["purelib"]).resolve()
    platlib = Path(sysconfig.get_paths()["platlib"]).resolve()
    here = Path(marrowkb.__file__).resolve()
    assert installed in here.parents or platlib in here.parents, here


def test_versions() -> None:
    assert isinstance(marrowkb.__version__, str) and marrowkb.__version__.count(".") == 2
    assert "HPO" in marrowkb.DATA_VERSION and "ICD-10" in marrowkb.DATA_VERSION
    assert isinstance(marrowkb.SCHEMA_VERSION, int) and marrowkb.SCHEMA_VERSION >= 1


def test_all_names_exist_and_are_public() -> None:
    assert len(marrowkb.__all__) == len(set(marrowkb.__all__))
    for name in marrowkb.__all__:
        assert hasattr(marrowkb, name), name
    public = {n for n in vars(marrowkb) if not n.startswith("_") and n not in {"annotations", "enum", "operator", "namedtuple", "TYPE_CHECKING"}}
    assert public <= set(marrowkb.__all__), public - set(marrowkb.__all__)


def test_typing_files_are_shipped() -> None:
    package = Path(marrowkb.__file__).parent
    assert (package / "py.typed").is_file()
    stub = (package / "__init__.pyi").read_text(encoding="utf-8")
    assert "__all__" in stub


def test_stub_members_are_current() -> None:
    """The enum members spelled out in the stub match the core (regenerate with stubgen.py)."""
    script = REPO / "bindings" / "python" / "stubgen.py"
    installed_stub = Path(marrowkb.__file__).with_name("__init__.pyi")
    source_stub = script.parent / "python" / "marrowkb" / "__init__.pyi"
    assert installed_stub.read_text(encoding="utf-8") == source_stub.read_text(encoding="utf-8"), "reinstall the package"
    result = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_import_is_cheap_and_self_contained() -> None:
    """Importing does not pull in heavy modules (json and typing are loaded only when needed)."""
    code = "import sys, marrowkb; marrowkb.lookup('FA'); print(' '.join(sorted(sys.modules)))"
    modules = subprocess.run([sys.executable, "-I", "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert "json" not in modules
    assert "marrowkb._native" in modules


def test_native_module_is_private_and_initialised_once() -> None:
    import pytest

    with pytest.raises(RuntimeError, match="already initialised"):
        marrowkb._native._init(vars(marrowkb))
