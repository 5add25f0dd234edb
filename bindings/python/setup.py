"""Build hook: copies the native library into the package so the wheel is a platform wheel
that carries libvietref (loaded package-relative by vietref._native).

Where the library comes from, in order:
  1. VIETREF_LIB: the full path of the library file;
  2. $CARGO_TARGET_DIR (else the repository's target/) /release, then /debug.
When none exists the build fails and names every place it looked: a wheel without its
library would install and then fail at import time on the user's machine.
VIETREF_ALLOW_NO_LIB=1 builds a pure-Python wheel that relies on the system library.

The platform tag is this machine's (``linux_x86_64``) unless VIETREF_WHEEL_PLAT names one
(scripts/dist.sh sets ``manylinux_2_17_x86_64`` for the library it built against glibc 2.17).

Every build starts from a fresh build_lib: a leftover build/ folder never reaches a wheel.
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
LIB_NAMES = ("libvietref.so", "libvietref.dylib", "vietref.dll")


def lib_name():
    if sys.platform == "win32":
        return "vietref.dll"
    if sys.platform == "darwin":
        return "libvietref.dylib"
    return "libvietref.so"


def native_library():
    """(path or None, the places looked at)."""
    env = os.environ.get("VIETREF_LIB")
    if env:
        p = Path(env)
        return (p if p.is_file() else None), [f"VIETREF_LIB={env}"]
    target = os.environ.get("CARGO_TARGET_DIR")
    target = Path(target) if target else REPO / "target"
    if not target.is_absolute():
        target = REPO / target
    looked = []
    for profile in ("release", "debug"):
        p = target / profile / lib_name()
        looked.append(str(p))
        if p.is_file():
            return p, looked
    return None, looked


class BuildPyWithLibrary(build_py):
    def run(self):
        # A build_lib left by an earlier build (bindings/python/build/lib) may hold another
        # library or deleted modules: start from nothing.
        shutil.rmtree(self.build_lib, ignore_errors=True)
        super().run()
        pkg = Path(self.build_lib) / "vietref"
        for name in LIB_NAMES:  # package_data may have picked one up from src/vietref/
            (pkg / name).unlink(missing_ok=True)
        src, looked = native_library()
        if src is None:
            if os.environ.get("VIETREF_ALLOW_NO_LIB"):
                print("vietref: VIETREF_ALLOW_NO_LIB set: building without the native library")
                return
            sys.exit(
                "vietref: the native library was not found; looked at:\n  "
                + "\n  ".join(looked)
                + "\nBuild it (`cargo build --release --lib` at the repository root), or set"
                " VIETREF_LIB to the full path of "
                + lib_name()
                + " (VIETREF_ALLOW_NO_LIB=1 builds a wheel without it)."
            )
        dest = pkg / lib_name()
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
        this platform (or VIETREF_WHEEL_PLAT)."""

        def get_tag(self):
            _, _, plat = super().get_tag()
            return "py3", "none", os.environ.get("VIETREF_WHEEL_PLAT") or plat

        def run(self):
            # The wheel is assembled in bdist_dir: one left by an earlier build must not add
            # its files to this one.
            shutil.rmtree(self.bdist_dir, ignore_errors=True)
            super().run()

    cmdclass["bdist_wheel"] = PlatformWheel

setup(cmdclass=cmdclass, distclass=BinaryDistribution)
