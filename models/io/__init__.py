"""Reading and writing files: model files, imports, exports, batches.

Statement imports (``imports/``), the Excel workbook export (``xlsx.py``) and
the batch valuation of many model files (``batch.py``). pandas and openpyxl
are imported only inside the functions that read or write a spreadsheet, and
Dask only inside the batch's cluster functions, so importing this package
(and starting the app or the CLI) costs nothing.
"""
