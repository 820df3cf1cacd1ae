"""A coverage universe valued at once: every model file under some folders,
one plain row per file (issue 16).

The unit of work is ``value_chunk``: a list of (file name, file bytes) in, a
list of ``BatchRow`` out, a pure function of its arguments. The serial run
(``value_files``) and a Dask cluster (``value_files_dask``) cut the files into
the same chunks and call the same function, so their rows are identical.

Speed. Per file the cost is what the loader's rules need, nothing more:

- The file is parsed with the loader's JSON rules (UTF-8, BOM, duplicate
  keys). A document with nothing unusual (no NaN/Infinity, no number that
  overflows, only the optional sections the checks below cover) is checked
  by ``models.validate`` (the rules of the method, in place, no copy) plus
  the few loader rules ``validate`` leaves to the loader
  (``_loader_only_rules_hold``). Anything else, and every file that fails,
  goes through ``models.loads_model`` itself: an error row always carries
  the loader's (or ``valuate``'s) own message, the one ``valuation-cli value``
  prints.
- The valuation is the engine's kernel (``models.valuation.value_kernel``),
  called once for many models: the segments of all models that share their
  forecast years, base year and longest fade period are laid side by side
  as the segments of one "model" (the kernel values each segment on its own),
  then each model's business values are summed exactly as ``valuate`` sums
  them (``math.fsum``). The totals are the numbers ``valuate`` gives,
  bit for bit (tests/models/test_batch.py checks it on generated models).

Totals do not depend on the share price; only the market cap, the upside and
the status do. ``revalue`` therefore re-prices rows without reading a file.

Nothing here imports Qt; a GUI runs ``value_files`` on a worker thread with
``progress`` and ``cancelled`` callbacks and gets plain rows back.
"""
from __future__ import annotations

import csv
import errno
import inspect
import io
import json
import math
import os
import stat
from dataclasses import dataclass, field, fields, replace
from datetime import date as _date
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

import numpy as np

from ..errors import ModelError, ModelFileError, file_message
from ..model import Model
from .. import model_file
from ..model_file import MAX_FILE_BYTES, loads_model
from ..status import STATUS_CODES, status_for
from ..valuation import Prepared, company_total, prepare, valuate, validate, value_kernel

#: The columns of a row, in the order the CLI writes them.
BATCH_COLUMNS: tuple[str, ...] = (
    "file", "company", "ticker", "unit", "price", "price_date", "price_source", "shares", "market_cap",
    "ddm_total", "ddm_upside", "ddm_status", "dynamic_total", "dynamic_upside", "dynamic_status", "error",
)
METHODS = ("ddm", "dynamic")
#: Files valued per chunk: the unit of progress, of cancelling and of a Dask task.
CHUNK_SIZE = 250
#: What a file name must end with to be picked up in a folder (any case);
#: a file named on the command line is read whatever its name.
MODEL_SUFFIX = ".json"


class BatchInputError(ModelError):
    """Bad input to a batch as a whole (a missing path, a bad prices file, an
    unavailable engine): one line, exit 2 from the CLI. ``code`` and
    ``params`` say what for a translated message (a prices file's line in
    ``params["line"]``)."""

    def __init__(self, message: str, code: str = "", params: dict | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.params = dict(params or {})


class MonteCarloUnavailable(BatchInputError):
    """``--montecarlo`` asked for, but this build has no Monte Carlo engine."""


class DaskUnavailable(BatchInputError):
    """``--scheduler``/``--workers`` asked for, but dask.distributed is not installed."""


# ---------------------------------------------------------------------------
# Rows


@dataclass(frozen=True)
class BatchRow:
    """One model file's line in the coverage table. ``error`` is None when the
    file was valued; otherwise it is the one-line reason and the values that
    could not be computed are None. ``montecarlo`` (with ``--montecarlo``):
    ``{"draws": N, "seed": S, "ddm": {status: probability}, "dynamic": {...}}``."""

    file: str
    company: str | None = None
    ticker: str | None = None
    unit: str | None = None
    price: float | None = None
    price_date: str | None = None
    price_source: str | None = None     # "file" or "prices"
    shares: float | None = None
    market_cap: float | None = None
    ddm_total: float | None = None
    ddm_upside: float | None = None
    ddm_status: str | None = None
    dynamic_total: float | None = None
    dynamic_upside: float | None = None
    dynamic_status: str | None = None
    error: str | None = None
    montecarlo: dict | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def values(self) -> list:
        """The row in ``BATCH_COLUMNS`` order."""
        return [getattr(self, name) for name in BATCH_COLUMNS]

    def to_dict(self) -> dict:
        out = {name: getattr(self, name) for name in BATCH_COLUMNS}
        if self.montecarlo is not None:
            out["montecarlo"] = self.montecarlo
        return out


def montecarlo_columns() -> list[str]:
    """The extra CSV columns of ``--montecarlo``: one probability per method and status."""
    return [f"{method}_p_{code}" for method in METHODS for code in STATUS_CODES]


def montecarlo_values(row: BatchRow) -> list:
    mc = row.montecarlo or {}
    return [(mc.get(method) or {}).get(code) for method in METHODS for code in STATUS_CODES]


@dataclass
class BatchResult:
    """Rows in file order, and what the prices left unmatched."""

    rows: list[BatchRow]
    #: Tickers of the prices file that match no model (as written there).
    unmatched_tickers: list[str] = field(default_factory=list)
    #: Files whose model has no price in the prices given (no ticker, or a
    #: ticker the prices do not have): valued at the price in the file.
    models_without_price: list[str] = field(default_factory=list)
    #: Ticker → files, for tickers that more than one file has.
    duplicate_tickers: dict[str, list[str]] = field(default_factory=dict)
    #: True when ``cancelled`` stopped the run: ``rows`` holds what was done.
    cancelled: bool = False

    @property
    def failed(self) -> list[BatchRow]:
        return [row for row in self.rows if row.error is not None]

    @property
    def exit_code(self) -> int:
        """0 when every file was valued, 3 when some were not."""
        return 3 if self.failed else 0

    def summary(self) -> dict:
        return {"files": len(self.rows), "valued": len(self.rows) - len(self.failed),
                "not_valued": len(self.failed), "unmatched_tickers": list(self.unmatched_tickers),
                "models_without_price": list(self.models_without_price),
                "duplicate_tickers": {k: list(v) for k, v in self.duplicate_tickers.items()}}


# ---------------------------------------------------------------------------
# Finding and reading files


def find_model_files(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Every model file under ``paths``: a file is taken as given; a folder is
    searched recursively for ``*.json`` (any case), leaving out hidden files
    and folders (a name starting with "."). Sorted by path within each
    argument, each file once. Raises BatchInputError for a path that does
    not exist."""
    out: list[Path] = []
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if not os.path.lexists(path):
            raise BatchInputError(f"{os.fsdecode(path)}: no such file or folder", "batch_not_found",
                                  {"path": os.fsdecode(path)})
        if path.is_dir():
            found = []
            for folder, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in files:
                    if not name.startswith(".") and name.lower().endswith(MODEL_SUFFIX):
                        found.append(Path(folder) / name)
            found.sort(key=lambda p: p.parts)
        else:
            found = [path]
        for item in found:
            key = os.path.normcase(os.path.abspath(item))
            if key not in seen:
                seen.add(key)
                out.append(item)
    return out


#: The loader's own safe read and file-named messages, where this version of
#: models.model_file has them, so a row's error is word for word what
#: ``valuation-cli value`` says about the same file.
_READ_MODEL_BYTES = getattr(model_file, "read_model_bytes", None)
_LOADS_NAMES_FILE = "name" in inspect.signature(loads_model).parameters


#: The loader's names (desktop_app/load_errors.py) of the reasons a file cannot be read.
_OS_REASONS = {errno.ENOENT: "not_found", errno.ENOTDIR: "not_found_path", errno.EACCES: "permission",
               errno.EPERM: "permission", errno.EISDIR: "is_folder", errno.ELOOP: "link_loop",
               errno.ENAMETOOLONG: "name_too_long"}


def read_file(path: str | os.PathLike) -> bytes:
    """The bytes of a model file. Anything but a regular file (a FIFO, a
    device, a folder) is refused before a read could block, as is a file
    larger than a model file can be. Raises ModelFileError in plain words."""
    if _READ_MODEL_BYTES is not None:
        return _READ_MODEL_BYTES(path)
    shown = os.fsdecode(path)
    try:
        info = os.stat(path)
        mode = info.st_mode
        if not stat.S_ISREG(mode):
            kind = ("a folder" if stat.S_ISDIR(mode) else "a named pipe (FIFO)" if stat.S_ISFIFO(mode)
                    else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a socket or other special file")
            code = ("folder" if stat.S_ISDIR(mode) else "fifo" if stat.S_ISFIFO(mode)
                    else "device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "socket")
            raise ModelFileError("", f"{shown}: is {kind}, not a model file", code="not_regular",
                                 params={"kind": code, "file": shown})
        if info.st_size > MAX_FILE_BYTES:
            raise ModelFileError("", f"{shown}: the file is {info.st_size} bytes, larger than a model file can be",
                                 code="too_large", params={"size": info.st_size,
                                                           "limit_mb": MAX_FILE_BYTES // (1024 * 1024), "file": shown})
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ModelFileError("", f"cannot read {shown}: {exc.strerror or exc}", code="os_error",
                             params={"reason": _OS_REASONS.get(exc.errno), "detail": exc.strerror or str(exc),
                                     "file": shown}) from None
    if len(data) > MAX_FILE_BYTES:
        raise ModelFileError("", f"{shown}: the file grew larger than a model file can be", code="too_large",
                             params={"grew": True, "limit_mb": MAX_FILE_BYTES // (1024 * 1024), "file": shown})
    return data


#: One file to value: its name as shown, and its bytes or the reason it could not be read.
Item = tuple[str, "bytes | str"]


def read_items(files: Sequence[str | os.PathLike]) -> list[Item]:
    items: list[Item] = []
    for path in files:
        try:
            items.append((os.fsdecode(path), read_file(path)))
        except ModelError as exc:
            items.append((os.fsdecode(path), file_message(exc)))
    return items


# ---------------------------------------------------------------------------
# Loading: the loader's rules, at low cost for the common file


class _Unusual(Exception):
    """Something the quick path does not judge: the loader itself decides."""


def _no_duplicates(pairs: list) -> dict:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise _Unusual
    return out


def _finite_float(text: str) -> float:
    value = float(text)
    if value in (math.inf, -math.inf):
        raise _Unusual
    return value


def _constant(text: str):
    raise _Unusual


_TEXT_KEYS = ("name_en", "ticker", "industry", "currency", "unit", "report_date")
_STAR_KEYS = {"ratings": ("growth", "profit_trend", "structure", "moat"), "moat": ("moat_width", "moat_durability")}


def _quick_parse(data: bytes) -> dict | None:
    """The document, when the loader's JSON rules surely accept it and no
    number is NaN or infinite; None when the loader itself must decide."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
        doc = json.loads(text, object_pairs_hook=_no_duplicates, parse_float=_finite_float,
                         parse_constant=_constant)
    except (_Unusual, ValueError, RecursionError):
        return None
    return doc if type(doc) is dict else None


def _loader_only_rules_hold(doc: dict) -> bool:
    """The loader's rules that ``validate`` (meant for a model already loaded)
    leaves out: the version's type, the company's text fields and report
    date, the segments' English names and star ratings, the ``financials``
    section. False means "let the loader decide"."""
    version = doc.get("version")
    if type(version) is not int:
        return False
    fin = doc.get("financials")
    if fin is not None:
        if type(fin) is not dict:
            return False
        if fin.get("basis") not in (None, "annual", "half_year", "ttm"):
            return False
        if fin.get("period") is not None and type(fin["period"]) is not str:
            return False
        for key in ("revenue", "net_profit_attributable", "equity"):
            v = fin.get(key)
            if v is not None and type(v) is not float:     # an int: the loader normalizes it
                return False
    company = doc.get("company")
    if type(company) is not dict:
        return False
    for key in _TEXT_KEYS:
        value = company.get(key)
        if value is not None and type(value) is not str:
            return False
    report_date = company.get("report_date")
    if report_date is not None:
        try:
            _date.fromisoformat(report_date)
        except ValueError:
            return False
    segments = doc.get("segments")
    if type(segments) is not list:
        return False
    for seg in segments:
        if type(seg) is not dict:
            return False
        name_en = seg.get("name_en")
        if name_en is not None and type(name_en) is not str:
            return False
        for group, keys in _STAR_KEYS.items():
            table = seg.get(group)
            if table is None:
                continue
            if type(table) is not dict:
                return False
            for key in keys:
                v = table.get(key)
                if v is None:
                    continue
                if type(v) not in (int, float) or not (0 <= v <= 5 and float(v * 2).is_integer()):
                    return False
    return True


def load_bytes(data: bytes, name: str | None = None) -> Model:
    """A model from a file's bytes, accepted exactly when ``loads_model``
    accepts it; raises ``loads_model``'s ModelFileError otherwise (``name``:
    the file, for the loader's messages that name it)."""
    doc = _quick_parse(data)
    if doc is not None and _loader_only_rules_hold(doc):
        model = Model(doc)
        try:
            if not validate(model):
                return model
        except (ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError):
            pass
    return loads_model(data, name=name) if _LOADS_NAMES_FILE and name is not None else loads_model(data)


# ---------------------------------------------------------------------------
# Valuing many models with one kernel call

#: Prepared fields every model of a group shares (they set the years' discounting).
_SHARED = ("forecast_years", "offsets", "last_offset")
#: Company amounts the kernel does not read (summed per model afterwards).
_COMPANY = ("excess_cash", "minority_interest", "equity_investments", "market_cap")


def _group_key(p: Prepared) -> tuple | None:
    fade = int(p.fade_years.max()) if p.fade_years.size else 0
    key = [tuple(p.offsets.tolist()), p.last_offset, fade]
    for f in fields(Prepared):
        value = getattr(p, f.name)
        if f.name in _SHARED or f.name in _COMPANY or f.name in ("names", "weights"):
            continue
        if isinstance(value, np.ndarray) or value is None:
            key.append((f.name, value is None))     # per-segment arrays are laid side by side
        else:
            try:
                key.append((f.name, hash(value), value))
            except TypeError:
                return None                          # a field this code does not know: value alone
    return tuple(key)


def _side_by_side(preps: list[Prepared]) -> Prepared:
    """One Prepared whose segments are those of all ``preps`` in turn."""
    first = preps[0]
    values = {}
    for f in fields(Prepared):
        name = f.name
        items = [getattr(p, name) for p in preps]
        if name in _SHARED or name in _COMPANY:
            values[name] = getattr(first, name)
        elif name == "names":
            values[name] = [n for p in preps for n in p.names]
        elif name == "weights":
            values[name] = tuple(np.concatenate([np.full(len(p.names), p.weights[j]) for p in preps])
                                 for j in range(2))
        elif isinstance(items[0], np.ndarray):
            values[name] = np.concatenate(items)
        else:
            values[name] = items[0]
    return Prepared(**values)


def _kernel(p: Prepared) -> dict[str, np.ndarray]:
    # The call valuate makes, with the same arguments.
    with np.errstate(all="ignore"):
        out = value_kernel(p, discount_rate=p.discount_rate[None], roe=p.roe[None],
                           fade_growth=p.fade_growth[None], terminal_growth=p.terminal_growth[None],
                           multiple=p.multiple[None], growth=p.growth[None], margin=p.margin[None])
    return {k: v[0] for k, v in out.items()}


def _method_total(business: list[float], p: Prepared) -> tuple[float, float]:
    # valuate's _method_result: fsum of the business values, then the company items.
    seg_total = float(math.fsum(business))
    total = float(company_total(seg_total, p.excess_cash, p.minority_interest, p.equity_investments))
    return total, total / p.market_cap - 1.0


def _text(value) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _describe(name: str, model: Model) -> dict:
    company = model.doc.get("company") or {}
    market = model.doc["market"]
    return {"file": name, "company": model.company_name, "ticker": _text(company.get("ticker")),
            "unit": model.unit, "price": float(market["price"]), "price_source": "file",
            "shares": float(market["shares"]), "market_cap": model.market_cap}


def _valued_row(info: dict, totals: dict[str, float]) -> BatchRow:
    row = dict(info)
    for method in METHODS:
        total = totals[method]
        upside = total / info["market_cap"] - 1.0
        row[f"{method}_total"] = total
        row[f"{method}_upside"] = upside
        row[f"{method}_status"] = status_for(upside)
    return BatchRow(**row)


def _valuate_row(info: dict, model: Model) -> BatchRow:
    """The slow, authoritative way (valuate): used when the quick sum meets a
    number it cannot hold, so the row carries valuate's own message."""
    try:
        result = valuate(model)
    except ModelError as exc:
        return BatchRow(**info, error=file_message(exc))
    return _valued_row(info, {"ddm": result.ddm.total, "dynamic": result.dynamic.total})


def _safe_valuate_row(name: str, model: Model) -> BatchRow:
    try:
        return _valuate_row(_describe(name, model), model)
    except Exception as exc:
        return BatchRow(file=name, error=f"internal error: {type(exc).__name__}: {exc}")


def value_models(named: Sequence[tuple[str, Model]]) -> list[BatchRow]:
    """Rows for loaded models, at their own prices, in the order given."""
    rows: list[BatchRow | None] = [None] * len(named)
    groups: dict[tuple, list[tuple[int, Prepared]]] = {}
    for i, (name, model) in enumerate(named):
        try:
            p = prepare(model)
        except Exception as exc:   # a model the loader accepted always prepares; never stop the batch
            rows[i] = BatchRow(file=name, error=f"internal error: {type(exc).__name__}: {exc}")
            continue
        key = _group_key(p)
        groups.setdefault(key if key is not None else ("alone", i), []).append((i, p))
    for members in groups.values():
        preps = [p for _, p in members]
        try:
            out = _kernel(_side_by_side(preps) if len(preps) > 1 else preps[0])
            ddm, dyn = out["ddm"].tolist(), out["dynamic"].tolist()
        except Exception:           # never expected; each model then goes through valuate alone
            for i, _ in members:
                rows[i] = _safe_valuate_row(*named[i])
            continue
        start = 0
        for i, p in members:
            stop = start + len(p.names)
            name, model = named[i]
            info = _describe(name, model)
            seg_ddm, seg_dyn = ddm[start:stop], dyn[start:stop]
            start = stop
            if not all(map(math.isfinite, seg_ddm + seg_dyn)):
                rows[i] = _valuate_row(info, model)
                continue
            ddm_total, ddm_up = _method_total(seg_ddm, p)
            dyn_total, dyn_up = _method_total(seg_dyn, p)
            if not (math.isfinite(ddm_up) and math.isfinite(dyn_up)):
                rows[i] = _valuate_row(info, model)
                continue
            rows[i] = _valued_row(info, {"ddm": ddm_total, "dynamic": dyn_total})
    return rows  # type: ignore[return-value]


# ---------------------------------------------------------------------------
# Monte Carlo (models/analysis/montecarlo.py, when this build has it)


def montecarlo_engine() -> Callable:
    """``status_probabilities(model, draws, seed) -> {"ddm": {status: p}, "dynamic": {...}}``
    built on ``models.analysis.montecarlo.run_montecarlo``; raises
    MonteCarloUnavailable when this build has no Monte Carlo engine."""
    try:
        from ..analysis.montecarlo import run_montecarlo
    except ImportError:
        raise MonteCarloUnavailable(
            "--montecarlo needs the Monte Carlo engine (models/analysis/montecarlo.py), "
            "which this version of valuation-workbench does not have") from None

    try:
        from ..analysis.uncertainty import MAX_DRAWS
    except ImportError:
        MAX_DRAWS = None

    def status_probabilities(model: Model, draws: int, seed: int | None) -> dict:
        result = run_montecarlo(model, draws=draws, seed=seed)
        out = {"draws": result.draws, "seed": result.seed}
        for method in METHODS:
            stats = getattr(result, method)
            out[method] = {code: stats.status_probabilities.get(code) for code in STATUS_CODES}
        return out

    status_probabilities.max_draws = MAX_DRAWS
    return status_probabilities


def check_montecarlo(spec: MonteCarloSpec) -> None:
    """Refuse, before any work, a Monte Carlo request no model could run."""
    limit = getattr(montecarlo_engine(), "max_draws", None)
    if spec.draws < 1 or (limit is not None and spec.draws > limit):
        raise BatchInputError(f"--montecarlo {spec.draws}: the draws must be a whole number from 1 to "
                              f"{limit:,}" if limit is not None else f"--montecarlo {spec.draws}: must be ≥ 1")


# ---------------------------------------------------------------------------
# Prices


@dataclass(frozen=True)
class Quote:
    price: float
    date: str | None
    line: int
    ticker: str        # as written in the prices file


def ticker_key(ticker: str) -> str:
    """How tickers are matched: spaces around ignored, letters in any case."""
    return ticker.strip().upper()


def read_prices(path: str | os.PathLike) -> dict[str, Quote]:
    """A prices file: CSV ``ticker,price[,date]`` (UTF-8, a BOM and a header
    line allowed; the date as YYYY-MM-DD). A ticker given twice keeps the
    latest date; twice with different prices and no way to tell which is
    newer is an error. Raises BatchInputError naming the line."""
    shown = os.fsdecode(path)
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            text = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise BatchInputError(f"--prices {shown}: cannot read it: {exc.strerror or exc}", "prices_os_error",
                              {"errno": exc.errno, "detail": exc.strerror or str(exc)}) from None
    except UnicodeDecodeError as exc:
        raise BatchInputError(f"--prices {shown}: not UTF-8 text (byte {exc.start})", "prices_not_utf8",
                              {"byte": exc.start}) from None
    return parse_prices(text, shown)


def parse_prices(text: str, shown: str = "prices") -> dict[str, Quote]:
    quotes: dict[str, Quote] = {}
    for number, cells in enumerate(csv.reader(io.StringIO(text)), start=1):
        cells = [c.strip() for c in cells]
        if not any(cells) or cells[0].startswith("#"):
            continue
        where = f"--prices {shown} line {number}"
        if number == 1 and cells[0].lower() == "ticker":
            continue
        if len(cells) < 2 or len(cells) > 3:
            raise BatchInputError(f"{where}: expected ticker,price[,date], got {len(cells)} cells", "prices_cells",
                                  {"line": number, "count": len(cells)})
        ticker, price_text = cells[0], cells[1]
        if not ticker:
            raise BatchInputError(f"{where}: the ticker is empty", "prices_empty_ticker", {"line": number})
        try:
            price = float(price_text)
        except ValueError:
            raise BatchInputError(f"{where}: the price {price_text!r} is not a number", "prices_not_number",
                                  {"line": number, "found": price_text}) from None
        if not (math.isfinite(price) and price > 0):
            raise BatchInputError(f"{where}: the price must be a number greater than 0, got {price_text}",
                                  "prices_not_positive", {"line": number, "found": price_text})
        day = cells[2] if len(cells) == 3 and cells[2] else None
        if day is not None:
            try:
                day = _date.fromisoformat(day).isoformat()
            except ValueError:
                raise BatchInputError(f"{where}: the date {cells[2]!r} is not YYYY-MM-DD", "prices_date",
                                      {"line": number, "found": cells[2]}) from None
        quote = Quote(price, day, number, ticker)
        key = ticker_key(ticker)
        old = quotes.get(key)
        if old is None:
            quotes[key] = quote
        elif old.date and day and old.date != day:
            if day > old.date:
                quotes[key] = quote
        elif old.price != price:
            raise BatchInputError(f"{where}: {ticker} has a second price ({price_text}, line {old.line} says "
                                  f"{old.price:g}) and no later date to choose by", "prices_second_price",
                                  {"line": number, "ticker": ticker, "price": price_text, "other_line": old.line,
                                   "other_price": old.price})
    return quotes


def apply_price(row: BatchRow, quote: Quote) -> BatchRow:
    """The row at another share price: market cap, upsides and statuses
    follow; the totals (which the price does not move) stay. A Monte Carlo
    column cannot follow without its draws: it is dropped."""
    if row.shares is None:
        return row
    cap = quote.price * row.shares
    changes = {"price": quote.price, "price_date": quote.date, "price_source": "prices", "market_cap": cap,
               "montecarlo": None}
    for method in METHODS:
        total = getattr(row, f"{method}_total")
        if total is not None:
            upside = total / cap - 1.0
            changes[f"{method}_upside"] = upside
            changes[f"{method}_status"] = status_for(upside) if math.isfinite(upside) else None
    return replace(row, **changes)


def _priced(rows: list[BatchRow], quotes: Mapping[str, Quote] | None) -> list[BatchRow]:
    if not quotes:
        return rows
    out = []
    for row in rows:
        quote = quotes.get(ticker_key(row.ticker)) if row.ticker else None
        out.append(apply_price(row, quote) if quote is not None and row.shares is not None else row)
    return out


def _report(result: BatchResult, quotes: Mapping[str, Quote] | None) -> BatchResult:
    by_ticker: dict[str, list[str]] = {}
    for row in result.rows:
        if row.ticker:
            by_ticker.setdefault(ticker_key(row.ticker), []).append(row.file)
    result.duplicate_tickers = {t: files for t, files in sorted(by_ticker.items()) if len(files) > 1}
    if quotes is not None:
        result.unmatched_tickers = [q.ticker for k, q in sorted(quotes.items(), key=lambda kv: kv[1].line)
                                    if k not in by_ticker]
        result.models_without_price = [row.file for row in result.rows if row.shares is not None
                                       and (not row.ticker or ticker_key(row.ticker) not in quotes)]
    return result


def revalue(rows: Sequence[BatchRow], quotes: Mapping[str, Quote]) -> BatchResult:
    """The rows at new prices, without reading or valuing a file again
    (``read_prices`` or ``parse_prices`` give ``quotes``); what did not match
    is reported as in a batch run."""
    return _report(BatchResult(_priced(list(rows), quotes)), quotes)


# ---------------------------------------------------------------------------
# The unit of work, and the runs


@dataclass(frozen=True)
class MonteCarloSpec:
    draws: int
    seed: int | None = None


def value_chunk(items: Sequence[Item], quotes: Mapping[str, Quote] | None = None,
                montecarlo: MonteCarloSpec | None = None) -> list[BatchRow]:
    """Rows for files given as (name, bytes or a read error): loaded, valued,
    priced with ``quotes`` and, with ``montecarlo``, given status
    probabilities at that price. Never raises for a bad file."""
    named: list[tuple[str, Model]] = []
    positions: list[int] = []
    rows: list[BatchRow | None] = [None] * len(items)
    for i, (name, data) in enumerate(items):
        if isinstance(data, str):
            rows[i] = BatchRow(file=name, error=data)
            continue
        try:
            model = load_bytes(data, name)
        except ModelError as exc:
            rows[i] = BatchRow(file=name, error=file_message(exc))
            continue
        except Exception as exc:   # never stop the batch on one file
            rows[i] = BatchRow(file=name, error=f"internal error: {type(exc).__name__}: {exc}")
            continue
        named.append((name, model))
        positions.append(i)
    for i, row in zip(positions, _priced(value_models(named), quotes)):
        rows[i] = row
    if montecarlo is not None:
        engine = montecarlo_engine()
        for i, (name, data) in zip(positions, named):
            row = rows[i]
            if row is None or row.error is not None:
                continue
            rows[i] = _with_montecarlo(row, items[i][1], engine, montecarlo)
    return rows  # type: ignore[return-value]


def _with_montecarlo(row: BatchRow, data: bytes, engine: Callable, spec: MonteCarloSpec) -> BatchRow:
    try:
        model = loads_model(data)          # the normalized document, as the app would open it
        if row.price_source == "prices":
            model.set(("market", "price"), row.price)
        return replace(row, montecarlo=engine(model, spec.draws, spec.seed))
    except ModelError as exc:
        return replace(row, error=f"Monte Carlo: {exc}")


def chunks(files: Sequence, size: int = CHUNK_SIZE) -> list[Sequence]:
    if size < 1:
        raise ValueError("chunk size must be ≥ 1")
    return [files[k:k + size] for k in range(0, len(files), size)]


def value_files(files: Sequence[str | os.PathLike], *, quotes: Mapping[str, Quote] | None = None,
                montecarlo: MonteCarloSpec | None = None, chunk_size: int = CHUNK_SIZE,
                progress: Callable[[int, int], None] | None = None,
                cancelled: Callable[[], bool] | None = None,
                on_rows: Callable[[list[BatchRow]], None] | None = None) -> BatchResult:
    """Value ``files`` in this process, ``chunk_size`` files at a time.

    After each chunk ``on_rows(rows)`` gets that chunk's rows (a table can
    fill as they come) and ``progress(done, total)`` is called; ``cancelled()``
    is asked before each chunk, and when it returns True the run stops with
    the rows done so far (``BatchResult.cancelled``). Safe to call on a worker
    thread: it touches nothing but its arguments and the files."""
    if montecarlo is not None:
        check_montecarlo(montecarlo)        # unavailable or too many draws: say so before any work
    rows: list[BatchRow] = []
    total = len(files)
    stopped = False
    for part in chunks(list(files), chunk_size):
        if cancelled is not None and cancelled():
            stopped = True
            break
        part_rows = value_chunk(read_items(part), quotes, montecarlo)
        rows.extend(part_rows)
        if on_rows is not None:
            on_rows(part_rows)
        if progress is not None:
            progress(len(rows), total)
    result = _report(BatchResult(rows, cancelled=stopped), quotes)
    return result


def value_folder(folder: str | os.PathLike, **kwargs) -> BatchResult:
    """``value_files`` over every model file under ``folder`` (``find_model_files``)."""
    return value_files(find_model_files([folder]), **kwargs)


def value_file(path: str | os.PathLike, quotes: Mapping[str, Quote] | None = None) -> BatchRow:
    """One file's row (a GUI refreshing the row of a file that changed)."""
    return value_chunk(read_items([path]), quotes)[0]


def dask_client(scheduler: str | None = None, workers: int | None = None, *, processes: bool = True):
    """A dask.distributed Client: connected to ``scheduler`` (an address such
    as ``tcp://10.0.0.5:8786``), or to a new local cluster of ``workers``
    workers on this machine (loopback only, no dashboard). The caller closes
    it (and, for a local cluster, ``client.cluster``)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise DaskUnavailable('--scheduler and --workers need Dask\'s distributed scheduler, which is not '
                              'installed: pip install ".[distributed]"') from None
    if scheduler is not None:
        try:
            return Client(scheduler, timeout="10s", set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise BatchInputError(f"--scheduler {scheduler}: cannot reach the Dask scheduler "
                                  f"({type(exc).__name__}: {exc})") from None
    if workers is None or workers < 1:
        raise BatchInputError("--workers must be a whole number ≥ 1")
    import logging

    # Worker processes talk over TCP on the loopback interface only; in-process
    # workers (threads, for tests) over Dask's in-process transport.
    # The scheduler's HTTP endpoints (health, metrics; no dashboard) on a free
    # loopback port, not 8787 (maybe taken by another cluster).
    where = {"host": "127.0.0.1"} if processes else {}
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=processes,
                           dashboard_address=None, scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                           silence_logs=logging.ERROR, **where)
    return Client(cluster, set_as_default=False)


def value_files_dask(files: Sequence[str | os.PathLike], client, *, quotes: Mapping[str, Quote] | None = None,
                     montecarlo: MonteCarloSpec | None = None, chunk_size: int = CHUNK_SIZE,
                     progress: Callable[[int, int], None] | None = None,
                     cancelled: Callable[[], bool] | None = None) -> BatchResult:
    """``value_files`` on a Dask cluster: the files are read here and sent as
    bytes (the workers need not see this file system), one task per chunk of
    ``chunk_size`` files; the rows come back in file order, identical to the
    serial run's."""
    if montecarlo is not None:
        check_montecarlo(montecarlo)
    parts = chunks(list(files), chunk_size)
    futures = [client.submit(value_chunk, read_items(part), quotes, montecarlo, pure=False) for part in parts]
    results: list[list[BatchRow]] = []
    done = 0
    stopped = False
    try:
        for future in futures:            # in file order: a chunk's rows as soon as it and those before are done
            if cancelled is not None and cancelled():
                stopped = True
                break
            results.append(future.result())
            done += len(results[-1])
            if progress is not None:
                progress(done, len(files))
    finally:
        if stopped or len(results) < len(futures):
            client.cancel(futures)
    rows: list[BatchRow] = []
    for part in results:
        if part is None:
            break
        rows.extend(part)
    return _report(BatchResult(rows, cancelled=stopped), quotes)
