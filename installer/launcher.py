"""Entry script of the frozen app: the same ``main`` as the ``valuation-workbench`` gui-script."""
import sys

from desktop_app.app import main

if __name__ == "__main__":
    sys.exit(main())
