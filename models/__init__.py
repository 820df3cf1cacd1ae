"""Valuation Workbench engine: model files, the valuation method, sensitivity.

Pure numpy/pandas; never imports Qt. See docs/engine-api.md and
../shared/docs/valuation-method.md.
"""
from ._version import __version__
from .errors import InvalidEditError, InvalidInputError, Issue, ModelError, ModelFileError
from .model import FORMAT_VERSION, Model, check_document
from .model_file import dumps_model, load_model, loads_model, save_model
from .sensitivity import (DEFAULT_SHOCKS, DRIVERS, ScenarioResult, TornadoBar, base_driver_value,
                          evaluate_scenarios, sensitivity_grid, sensitivity_grid_result,
                          sensitivity_sweep, tornado)
from .status import STATUS_CODES, STATUS_THRESHOLDS, status_for, status_label, upside
from .valuation import prepare
from .valuation import DDMSegment, DynamicSegment, MethodResult, ValuationResult, validate, valuate

__all__ = [
    "__version__", "FORMAT_VERSION", "Model", "check_document", "load_model", "loads_model", "save_model",
    "dumps_model", "valuate", "validate", "ValuationResult", "MethodResult", "DDMSegment", "DynamicSegment",
    "sensitivity_grid", "sensitivity_grid_result", "sensitivity_sweep", "evaluate_scenarios", "tornado",
    "TornadoBar", "ScenarioResult", "DRIVERS", "DEFAULT_SHOCKS", "base_driver_value",
    "STATUS_CODES", "STATUS_THRESHOLDS", "status_for", "status_label", "upside", "prepare",
    "Issue", "ModelError", "ModelFileError", "InvalidInputError", "InvalidEditError",
]
