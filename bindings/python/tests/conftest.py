import json
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]


def data_dir() -> Path:
    return Path(os.environ.get("VIETREF_TEST_DATA", REPO / "tests" / "data"))


def header_path() -> Path:
    return Path(os.environ.get("VIETREF_HEADER", REPO / "include" / "vietref_flat.h"))


@pytest.fixture(scope="session")
def text_vectors():
    return json.loads((data_dir() / "text.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def vietqr_vectors():
    return json.loads((data_dir() / "vietqr.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def legacy_vectors():
    return json.loads((data_dir() / "legacy.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def reference_vectors():
    return json.loads((data_dir() / "references.json").read_text(encoding="utf-8"))
