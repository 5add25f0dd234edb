"""Where the library is loaded from: VIETREF_LIB, then the package, then the system."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import vietref
from vietref._native import library_file_name

PKG = Path(vietref.__file__).resolve().parent


def run(env, code="import vietref; print(vietref.library_path()); print(vietref.version())", cwd=None):
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=cwd
    )


def base_env():
    env = dict(os.environ)
    env.pop("VIETREF_LIB", None)
    return env


def test_vietref_lib_is_used():
    assert vietref.library_path() == os.environ["VIETREF_LIB"]


def test_missing_vietref_lib_names_what_was_tried():
    env = base_env()
    env["VIETREF_LIB"] = "/nonexistent/libvietref.so"
    p = run(env)
    assert p.returncode != 0
    assert "LibraryNotFoundError" in p.stderr
    assert "/nonexistent/libvietref.so" in p.stderr
    assert "VIETREF_LIB" in p.stderr


def test_package_relative_then_system(tmp_path):
    # a copy of the package without the library: package path is tried, then the system
    pkg = tmp_path / "vietref"
    shutil.copytree(PKG, pkg, ignore=shutil.ignore_patterns("*.so", "*.dylib", "*.dll", "__pycache__"))
    env = base_env()
    env["PYTHONPATH"] = str(tmp_path)
    env["LD_LIBRARY_PATH"] = ""
    p = run(env, cwd=tmp_path)
    if p.returncode == 0:  # a libvietref installed on the system was found there
        assert p.stdout.splitlines()[0] == library_file_name()
    else:
        assert str(pkg / library_file_name()) in p.stderr
        assert "system: " + library_file_name() in p.stderr
    # with the library inside the package, it is found there
    shutil.copy(os.environ["VIETREF_LIB"], pkg / library_file_name())
    p = run(env, cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert p.stdout.splitlines()[0] == str(pkg / library_file_name())
