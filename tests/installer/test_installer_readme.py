"""The README's two fresh-machine commands are exactly what CI runs, and they name real things."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def fenced_commands(text: str) -> list[str]:
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", text, re.DOTALL)]


def fresh_machine_commands() -> list[str]:
    section = README.split("## On a fresh machine", 1)[1].split("\n## ", 1)[0]
    return fenced_commands(section)


def test_exactly_two_fresh_machine_commands():
    start, test = fresh_machine_commands()
    assert "\n" not in start and "\n" not in test
    assert start.startswith("python3 -m pip install . && valuation-workbench ")
    assert "pytest" in test and "QT_QPA_PLATFORM=offscreen" in test


def test_ci_runs_the_readme_commands_verbatim():
    start, test = fresh_machine_commands()
    ci_lines = [line.strip() for line in CI.splitlines()]
    assert test in ci_lines
    start_install, start_app = start.split(" && ")
    assert f"{start_install} && timeout 20 {start_app}" in ci_lines


def test_ci_treats_no_tests_collected_as_failure():
    assert re.search(r'if \[ "\$status" -eq 5 \]; then\s+echo[^\n]*\n\s+exit 1', CI)
    assert "set -euo pipefail" in CI


def test_readme_command_targets_exist():
    start, _ = fresh_machine_commands()
    sample = start.split()[-1]
    assert (ROOT / sample).is_file()
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "valuation-workbench" in pyproject["project"]["gui-scripts"]
    assert "test" in pyproject["project"]["optional-dependencies"]


def test_readme_references_the_screenshot_and_installer_files():
    assert "docs/screenshots/main-window-zh.png" in README
    for path in ("installer/build.py", "installer/valuation-workbench.spec",
                 "installer/valuation-workbench.iss", "installer/wheelhouse.py",
                 "installer/make_icons.py"):
        assert path in README and (ROOT / path).is_file(), path


def test_readme_images_exist():
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", README)
    assert "docs/screenshots/main-window-zh.png" in images
    for image in images:
        assert (ROOT / image).is_file(), image


def test_readme_model_file_example_loads_and_values():
    from models import loads_model, valuate

    (example,) = re.findall(r"```json\n(.*?)```", README, re.DOTALL)
    result = valuate(loads_model(example))
    assert result.ddm.total > 0 and result.dynamic.total > 0


def test_the_readme_system_libraries_are_what_ci_installs():
    """The minimal-Linux prerequisite lists every font and Qt library .ci/run installs."""
    section = README.split("## On a fresh machine", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```bash\n(apt-get install .*?)```", section, re.DOTALL).group(1)
    readme_packages = set(block.replace("\\\n", " ").split()[2:])
    ci_line = re.search(r"apt-get install -y -qq --no-install-recommends \\\n(.*?)>/dev/null", CI, re.DOTALL).group(1)
    ci_packages = set(ci_line.replace("\\\n", " ").split())
    qt_and_fonts = {p for p in ci_packages
                    if p.startswith(("lib", "fonts-", "fontconfig")) and not p.startswith("libreoffice")}
    assert qt_and_fonts, "the apt line of .ci/run was not found"
    assert qt_and_fonts <= readme_packages, sorted(qt_and_fonts - readme_packages)
    assert "sudo" in section and "as root" in section
