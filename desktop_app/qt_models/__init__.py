"""QAbstractTableModel adapters over the engine's data (no valuation here)."""
from desktop_app.qt_models.base import KIND_ROLE, MARK_ROLE, GridModel
from desktop_app.qt_models.forecast import CompanyTotalsModel, SegmentForecastModel
from desktop_app.qt_models.parameters import CompanyParametersModel, SegmentParametersModel
from desktop_app.qt_models.results import DDMResultModel, DynamicResultModel

__all__ = ["GridModel", "KIND_ROLE", "MARK_ROLE", "SegmentForecastModel", "CompanyTotalsModel",
           "SegmentParametersModel", "CompanyParametersModel", "DDMResultModel", "DynamicResultModel"]
