"""Files in and out beyond the model document: statement imports (``imports/``)
and the Excel workbook export (``xlsx.py``).

pandas and openpyxl are imported only inside the functions that read or write
a spreadsheet, so importing this package (and starting the app or the CLI)
costs nothing.
"""
