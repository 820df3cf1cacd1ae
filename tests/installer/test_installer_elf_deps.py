"""installer/elf_deps.py: which collected system libraries nothing links
(pruned by the spec), and which needed libraries resolve nowhere (the
build and the smoke test fail then). Real ELF files are compiled where a C
compiler exists, as CI has."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF / Linux bundle")


# ------------------------------------------------------------------ pruning
def test_unreferenced_follows_chains_until_nothing_changes(elf):
    needs = {"app.so": ["libB.so.1"], "libB.so.1": ["libC.so.2"], "libC.so.2": [],
             "libD.so.0": ["libE.so.5"], "libE.so.5": ["libC.so.2"]}
    candidates = ["libB.so.1", "libC.so.2", "libD.so.0", "libE.so.5"]
    # D has no user; E's only user is D; C stays (B needs it)
    assert elf.unreferenced(needs, {}, candidates) == {"libD.so.0", "libE.so.5"}


def test_prune_binaries_keeps_what_is_linked_and_what_is_not_a_top_level_library(elf):
    sections = {
        "/s/app.so": (("libB.so.1", "libF.so"), None),
        "/s/libB.so.1": ((), "libB.so.1"),
        "/s/libD.so.0": (("libE.so.5",), "libD.so.0"),
        "/s/libE.so.5": ((), "libE.so.5"),
        "/s/libF.so.1.2": ((), "libF.so"),          # needed by its SONAME, not its file name
        "/s/libpython3.11.so.1.0": ((), "libpython3.11.so.1.0"),
        "/s/libQt6Foo.so.6": ((), "libQt6Foo.so.6"),
    }
    binaries = [("PySide6/app.so", "/s/app.so", "EXTENSION"),
                ("libB.so.1", "/s/libB.so.1", "BINARY"),
                ("libD.so.0", "/s/libD.so.0", "BINARY"),
                ("libE.so.5", "/s/libE.so.5", "BINARY"),
                ("libF.so.1.2", "/s/libF.so.1.2", "BINARY"),
                ("libpython3.11.so.1.0", "/s/libpython3.11.so.1.0", "BINARY"),  # dlopened by the bootloader
                ("PySide6/Qt/lib/libQt6Foo.so.6", "/s/libQt6Foo.so.6", "BINARY"),  # not top level
                ("libD-alias.so", "libD.so.0", "SYMLINK"),
                ("libQt6Foo.so.6", "PySide6/Qt/lib/libQt6Foo.so.6", "SYMLINK")]
    kept, dropped = elf.prune_binaries(binaries, read=lambda src: sections[src])
    assert dropped == ["libD.so.0", "libE.so.5"]
    assert [entry[0] for entry in kept] == ["PySide6/app.so", "libB.so.1", "libF.so.1.2",
                                            "libpython3.11.so.1.0", "PySide6/Qt/lib/libQt6Foo.so.6",
                                            "libQt6Foo.so.6"]


def test_dynamic_section_of_a_real_library(elf):
    if shutil.which("readelf") is None:
        pytest.skip("readelf (binutils) not installed")
    names, _ = elf.dynamic_section(sys.executable)
    assert any(name.startswith("libc.so") for name in names)
    assert elf.dynamic_section(__file__) == ((), None)      # not ELF: nothing needed


# ------------------------------------------------------------------ resolving
def compile_lib(tmp_path: Path, out: Path, soname: str, links: list[Path] = ()) -> Path:
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None or shutil.which("ldd") is None:
        pytest.skip("needs a C compiler and ldd")
    source = tmp_path / f"{soname}.c"
    source.write_text(f"int f_{abs(hash(soname))}(void) {{ return 0; }}\n")
    cmd = [cc, "-shared", f"-Wl,-soname,{soname}", "-o", str(out), str(source), "-Wl,--no-as-needed"]
    for lib in links:
        cmd += [f"-L{lib.parent}", f"-l:{lib.name}"]
    subprocess.run(cmd, check=True, capture_output=True)
    return out


@pytest.fixture
def bundle_with_a_lost_library(tmp_path):
    """_internal/libuser.so needs libshipped.so.1 (in the bundle) and
    libnowhere.so.7 (built aside, never shipped: resolves nowhere)."""
    bundle = tmp_path / "bundle"
    internal = bundle / "_internal"
    aside = tmp_path / "aside"
    internal.mkdir(parents=True)
    aside.mkdir()
    shipped = compile_lib(tmp_path, internal / "libshipped.so.1", "libshipped.so.1")
    nowhere = compile_lib(tmp_path, aside / "libnowhere.so.7", "libnowhere.so.7")
    compile_lib(tmp_path, internal / "libuser.so", "libuser.so", [shipped, nowhere])
    return bundle, aside


def test_missing_dependencies_resolve_in_the_bundle_and_name_the_lost_one(elf, bundle_with_a_lost_library):
    bundle, aside = bundle_with_a_lost_library
    assert elf.missing_dependencies(bundle) == {"_internal/libuser.so": ["libnowhere.so.7"]}
    shutil.copy2(aside / "libnowhere.so.7", bundle / "_internal")   # shipped after all
    assert elf.missing_dependencies(bundle) == {}


def test_the_build_fails_on_a_lost_library(build_script, bundle_with_a_lost_library):
    bundle, aside = bundle_with_a_lost_library
    with pytest.raises(SystemExit, match="libuser.so: libnowhere.so.7"):
        build_script.check_dependencies(bundle)
    shutil.copy2(aside / "libnowhere.so.7", bundle / "_internal")
    assert build_script.check_dependencies(bundle) == 3


def test_the_smoke_test_fails_a_bundle_with_a_lost_library(smoke, bundle_with_a_lost_library):
    bundle, aside = bundle_with_a_lost_library
    with pytest.raises(smoke.SmokeFailure, match="libnowhere.so.7"):
        smoke.check_libraries(bundle)
    shutil.copy2(aside / "libnowhere.so.7", bundle / "_internal")
    assert "every dependency of the 3 ELF files resolves" in smoke.check_libraries(bundle)
