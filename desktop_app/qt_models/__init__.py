"""QAbstractTableModel adapters over the engine's data (no valuation here). They are
named ``*TableModel``; "model" alone means the engine's model document."""
from desktop_app.qt_models.base import KIND_ROLE, MARK_ROLE, GridTableModel
from desktop_app.qt_models.forecast import CompanyTotalsTableModel, SegmentForecastTableModel
from desktop_app.qt_models.parameters import CompanyParametersTableModel, SegmentParametersTableModel
from desktop_app.qt_models.results import DDMResultTableModel, DynamicResultTableModel

__all__ = ["GridTableModel", "KIND_ROLE", "MARK_ROLE", "SegmentForecastTableModel", "CompanyTotalsTableModel",
           "SegmentParametersTableModel", "CompanyParametersTableModel", "DDMResultTableModel",
           "DynamicResultTableModel"]
