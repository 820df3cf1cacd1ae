"""Load the installer scripts (installer/ is not a package) by path."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"


def load_installer_module(name: str):
    """Import ``installer/<name>.py`` as module ``<name>`` (how the scripts import each other)."""
    if str(INSTALLER) not in sys.path:
        sys.path.insert(0, str(INSTALLER))
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, INSTALLER / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def cfg():
    return load_installer_module("bundle_config")


@pytest.fixture(scope="session")
def smoke():
    return load_installer_module("smoke_test")


@pytest.fixture(scope="session")
def build_script():
    return load_installer_module("build")


@pytest.fixture(scope="session")
def wheelhouse():
    return load_installer_module("wheelhouse")


@pytest.fixture(scope="session")
def icons():
    return load_installer_module("make_icons")


@pytest.fixture(scope="session")
def startup_time():
    return load_installer_module("startup_time")


@pytest.fixture(scope="session")
def elf():
    return load_installer_module("elf_deps")
