"""Entry script of the frozen app: the same ``main`` as the ``valuation-workbench`` gui-script.

``valuation-workbench --cli ARGS...`` runs the command line instead (the same
``main`` as ``valuation-cli``), so the one-folder bundle carries the CLI too:
``valuation-workbench --cli import --new income.csv --price 20 --out m.json``.
On Windows and macOS the bundle is a windowed app, so there the CLI's exit
code and files are what count; its printed lines may not reach a console.
"""
import sys

CLI_SWITCH = "--cli"  # installer/bundle_config.py CLI_SWITCH

if __name__ == "__main__" and sys.argv[1:2] == [CLI_SWITCH]:
    from models.__main__ import main as cli_main

    sys.exit(cli_main(sys.argv[2:]))

from desktop_app.app import main

if __name__ == "__main__":
    sys.exit(main())
