"""One module per page of the workbench; the main window assembles them."""
