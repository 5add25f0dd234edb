"""Build hook: copies the native library into the package so the wheel is a platform wheel
that carries libvietref (loaded package-relative by vietref._native).

Where the library comes from, in order: VIETREF_LIB (a full path), then the repository's
target/release, then target/debug (`cargo build --release --lib` at the repository root).
Without any, the wheel is built without the library and the package falls back to the
system library path at run time.
"""

import os
import shutil
import sys
from pathlib import Path

from setuptools import Distribution, setup
from setuptools.command.build_py import build_py

try:
    from wheel.bdist_wheel import bdist_wheel
except ImportError:  # building an sdist without wheel installed
    bdist_wheel = None

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent


def lib_name():
    if sys.platform == "win32":
        return "vietref.dll"
    if sys.platform == "darwin":
        return "libvietref.dylib"
    return "libvietref.so"


def native_library():
    env = os.environ.get("VIETREF_LIB")
    if env:
        return Path(env)
    for profile in ("release", "debug"):
        p = REPO / "target" / profile / lib_name()
        if p.exists():
            return p
    return None


class BuildPyWithLibrary(build_py):
    def run(self):
        super().run()
        src = native_library()
        if src is None:
            print("vietref: no native library found; the wheel will not contain one")
            return
        dest = Path(self.build_lib) / "vietref" / lib_name()
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dest)
        print(f"vietref: copied {src} -> {dest}")


class BinaryDistribution(Distribution):
    """Holds a native library: installed to platlib, wheel tagged for the platform."""

    def has_ext_modules(self):
        return True


cmdclass = {"build_py": BuildPyWithLibrary}

if bdist_wheel is not None:

    class PlatformWheel(bdist_wheel):
        """The library is called through ctypes, not the Python C API: any Python 3,
        this platform."""

        def get_tag(self):
            _, _, plat = super().get_tag()
            return "py3", "none", plat

    cmdclass["bdist_wheel"] = PlatformWheel

setup(cmdclass=cmdclass, distclass=BinaryDistribution)
