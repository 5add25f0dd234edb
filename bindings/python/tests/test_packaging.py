"""The build hook (setup.py): a wheel always carries the library it was given, never one or
a module left by an earlier build, and without a library the build fails naming where it
looked. Built with ``pip wheel --no-build-isolation`` from a copy of the binding."""

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parents[1]

pytest.importorskip("setuptools")
pytest.importorskip("wheel")


def build(tmp_path, **env):
    src = tmp_path / "python"
    if not src.exists():
        shutil.copytree(HERE, src, ignore=shutil.ignore_patterns("build", "*.egg-info", "libvietref.*", "tests"))
    out = tmp_path / "out"
    shutil.rmtree(out, ignore_errors=True)
    e = {k: v for k, v in os.environ.items() if k not in ("VIETREF_LIB", "CARGO_TARGET_DIR", "VIETREF_WHEEL_PLAT")}
    e.update(env)
    return src, out, subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", str(src), "-w", str(out)],
        env=e, capture_output=True, text=True)


def test_no_library_fails_naming_where_it_looked(tmp_path):
    _, _, p = build(tmp_path, CARGO_TARGET_DIR=str(tmp_path / "nothing"))
    assert p.returncode != 0
    assert "the native library was not found" in p.stderr + p.stdout
    assert str(tmp_path / "nothing" / "release") in p.stderr + p.stdout
    _, _, p = build(tmp_path, VIETREF_LIB=str(tmp_path / "missing.so"))
    assert p.returncode != 0 and "VIETREF_LIB=" + str(tmp_path / "missing.so") in p.stderr + p.stdout


def test_the_given_library_and_nothing_stale(tmp_path):
    lib = tmp_path / "target" / "release" / "libvietref.so"
    lib.parent.mkdir(parents=True)
    lib.write_bytes(b"the new library")
    src, out, _ = build(tmp_path, VIETREF_LIB=str(tmp_path / "missing.so"))  # creates the copy
    # what an earlier build of another version may have left
    for d in ("build/lib/vietref", "build/bdist.linux-x86_64/wheel/vietref"):
        (src / d).mkdir(parents=True, exist_ok=True)
        (src / d / "libvietref.so").write_bytes(b"an old library")
        (src / d / "removed_module.py").write_text("")
    _, out, p = build(tmp_path, CARGO_TARGET_DIR=str(tmp_path / "target"), VIETREF_WHEEL_PLAT="manylinux_2_17_x86_64")
    assert p.returncode == 0, p.stderr
    (whl,) = out.glob("*.whl")
    assert whl.name.endswith("-py3-none-manylinux_2_17_x86_64.whl")
    with zipfile.ZipFile(whl) as z:
        names = z.namelist()
        assert not any("removed_module" in n for n in names), names
        assert "vietref/py.typed" in names
        assert z.read("vietref/libvietref.so") == b"the new library"
