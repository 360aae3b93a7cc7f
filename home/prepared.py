"""Querysets compiled to SQL once per process, then run with each request's values.

Serving an uncached public page spends more CPU building the SQL of its queries with Django's ORM (``filter()``,
``Q`` objects, subqueries, the compiler) than PostgreSQL spends running them (``docs/benchmarks.md``). The SQL of a
query such as "the live public experiences of region 04 in Arabic" only differs from one request to the next by its
parameter values. ``prepared`` turns a function that builds a queryset into one that returns the query's rows,
building and compiling the queryset once per *shape* and reusing Django's own compiled result afterwards: the rows
are read through Django's own iterables (model instances with their deferred fields, values, value lists), so
nothing downstream differs from ``list(queryset)``.

How the values are told apart from the constants: the first call of a shape builds the queryset twice, with two
different sets of stand-in values (sentinels), and compiles both. The two SQL strings must be identical; a parameter
that differs between the two compilations at one position is one of the function's arguments (it must equal that
argument's two sentinels), any other parameter is a constant of the query. Anything that does not fit this, or that
could be read differently once compiled, makes the shape *unprepared*: every call of it then runs the queryset
through the ORM as before. Nothing is ever answered from a guess; the worst case is the ORM's speed.

- Arguments that are ``int``, ``str`` or ``UUID`` are parameters; a list or tuple of them is a list of parameters
  (its length is part of the shape). Any other argument (``bool``, ``None``, a model class...) is part of the shape:
  it must be hashable, and each distinct value has its own compiled query; so is an argument named in ``fixed``.
- A string argument may also appear transformed inside a parameter (``path__startswith`` sends ``path%`` with
  ``%``, ``_`` and ``\\`` escaped). Such a parameter is rebuilt by substitution only for values made of ASCII letters
  and digits, which no escaping changes; any other value runs through the ORM.
- The function must depend on its arguments only (and on state constant in the process, such as content type ids):
  what it reads from elsewhere is baked into the compiled SQL. Content type ids are constant while the database
  keeps its content types; ``migrate`` and ``flush`` (which ends every transactional test) may recreate them under
  new ids, so every plan is forgotten on ``post_migrate``, which both send.
- Only querysets iterated by Django's model, values and values-list iterables, without ``prefetch_related``,
  are prepared: these ask the compiler once, for the queryset itself.
"""

import copy
import inspect
import threading
import uuid
from functools import wraps

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connections
from django.db.models import Model
from django.db.models.query import (
    FlatValuesListIterable,
    ModelIterable,
    NamedValuesListIterable,
    ValuesIterable,
    ValuesListIterable,
)
from django.db.models.signals import post_migrate
from django.dispatch import receiver

_ITERABLES = (ModelIterable, ValuesIterable, ValuesListIterable, FlatValuesListIterable, NamedValuesListIterable)
_UNPREPARED = object()
_SCALARS = (int, str, uuid.UUID)
MAX_PLANS = 256  # per prepared function; lists of many lengths would otherwise grow it without bound
_ALL_PLANS = []  # every prepared function's plans, forgotten together when the content types may have changed

# Stand-in values. Integers stay inside PostgreSQL's smallint range (Django 5 turns an out-of-range value for an
# integer field into an empty result while compiling), strings are ASCII letters and digits (no escaping alters
# them), and each set is distinct from the other.
_INT_BASE = (20011, 26011)
_STR_MARK = ("Qprepa", "Zprepb")
_UUID_BASE = (0x7E57A000 << 96, 0x7E57B000 << 96)


def _sentinel(kind, run, index):
    if kind is int:
        return _INT_BASE[run] + 7 * index
    if kind is str:
        return f"{_STR_MARK[run]}{index}x"
    return uuid.UUID(int=_UUID_BASE[run] + index)


def _kind(value):
    if isinstance(value, bool):
        return None
    for kind in _SCALARS:
        if isinstance(value, kind):
            return kind
    return None


def _shape(args, fixed=frozenset()):
    """The arguments' structure (the key of a compiled query) and the flat list of parameter values."""
    shape, values = [], []
    for position, arg in enumerate(args):
        kind = _kind(arg)
        if isinstance(arg, Model):
            raise TypeError(f"pass {type(arg).__name__}'s primary key to a prepared query, not the object")
        if position in fixed:
            shape.append(("fixed", arg))
        elif kind is not None:
            shape.append(("value", kind))
            values.append(arg)
        elif isinstance(arg, (list, tuple)) and all(_kind(item) is not None for item in arg):
            shape.append(("values", tuple(_kind(item) for item in arg)))
            values.extend(arg)
        else:
            shape.append(("fixed", arg))
    return tuple(shape), values


def _stand_ins(shape, run):
    """The arguments of one sentinel run, and its sentinels in the order of ``values``."""
    args, sentinels = [], []
    for tag, detail in shape:
        if tag == "value":
            value = _sentinel(detail, run, len(sentinels))
            sentinels.append(value)
            args.append(value)
        elif tag == "values":
            items = [_sentinel(kind, run, len(sentinels) + i) for i, kind in enumerate(detail)]
            sentinels.extend(items)
            args.append(items)
        else:
            args.append(detail)
    return args, sentinels


class _Plan:
    """One compiled shape: the queryset built with the first sentinels, its compiler, and how to fill its
    parameters (per position: a constant, an argument's value, or a string rebuilt around an argument)."""

    __slots__ = ("compiler", "queryset", "slots", "sql")

    def __init__(self, queryset, compiler, sql, slots):
        self.queryset, self.compiler, self.sql, self.slots = queryset, compiler, sql, slots

    def params(self, values):
        params = []
        for tag, detail in self.slots:
            if tag == "constant":
                params.append(detail)
            elif tag == "value":
                params.append(values[detail])
            else:  # ("around", (index, prefix, suffix)): the argument inside a transformed string
                index, prefix, suffix = detail
                value = values[index]
                if not (isinstance(value, str) and value.isascii() and value.isalnum()):
                    return None
                params.append(f"{prefix}{value}{suffix}")
        return params

    def run(self, values):
        params = self.params(values)
        if params is None:
            return None
        queryset = self.queryset._chain()
        compiler = copy.copy(self.compiler)
        compiler.connection = connections[queryset.db]
        sql = self.sql
        compiler.as_sql = lambda *args, **kwargs: (sql, params)
        # This copy of the queryset is iterated once, here, and never handed out: its query answers with the
        # compiled statement only for this evaluation.
        queryset.query.get_compiler = lambda *args, **kwargs: compiler
        return list(queryset)


def _compile(queryset):
    """(queryset, its compiler, SQL, parameters), or None when the queryset is not one this module runs."""
    if queryset._iterable_class not in _ITERABLES or queryset._prefetch_related_lookups:
        return None
    compiler = queryset.query.get_compiler(using=queryset.db)
    try:
        sql, params = compiler.as_sql()
    except (EmptyResultSet, FullResultSet):
        return None
    return queryset, compiler, sql, list(params)


def _plan(build, shape):
    """Compile ``build`` for ``shape`` with both sentinel sets and map each parameter, or None (unprepared).

    The first build may fill a cache the second one reads, and a constant then comes out otherwise: Wagtail's
    ``Page.objects.type()`` lists content type ids in the order of Django's content type cache, which differs between
    a cold cache (rows from the database) and a warm one. When the two compilations disagree, the first is built once
    more, after the cache is warm, before the shape is declared unpreparable."""
    runs = [_stand_ins(shape, run) for run in (0, 1)]
    first, second = (_compile(build(*args)) for args, _sentinels in runs)
    plan = _match(first, second, runs)
    if plan is None and first is not None and second is not None:
        plan = _match(_compile(build(*runs[0][0])), second, runs)
    return plan


def _match(first, second, runs):
    """The plan mapping ``first``'s parameters (compiled with the first sentinels) against ``second``'s, or None."""
    if first is None or second is None:
        return None
    (queryset, compiler, sql, params), (_queryset, _compiler, other_sql, other_params) = first, second
    if sql != other_sql or len(params) != len(other_params):
        return None
    slots = []
    for a, b in zip(params, other_params, strict=True):
        slot = _slot(a, b, runs[0][1], runs[1][1])
        if slot is None:
            return None
        slots.append(slot)
    return _Plan(queryset, compiler, sql, slots)


def _slot(a, b, first, second):
    if type(a) is type(b) and a == b:
        if any(_same(a, s) for s in first) or any(_same(a, s) for s in second):
            return None  # a sentinel held still: the query ignored one argument in a way that cannot be told apart
        return ("constant", a)
    for index, (x, y) in enumerate(zip(first, second, strict=True)):
        if _same(a, x) and _same(b, y):
            return ("value", index)
        if isinstance(x, str) and isinstance(a, str) and isinstance(b, str) and x in a and y in b:
            prefix, _mark, suffix = a.partition(x)
            if a.count(x) == 1 and b == f"{prefix}{y}{suffix}":
                return ("around", (index, prefix, suffix))
    return None


def _same(param, sentinel):
    return type(param) is type(sentinel) and param == sentinel


def prepared(build=None, *, fixed=()):
    """``build(*args) -> QuerySet`` becomes ``f(*args) -> list`` of the queryset's rows, compiled once per shape and
    database in this process (see the module's docstring). ``fixed`` names arguments that are part of the shape
    whatever their type (a field name given as a string, say), not parameters."""
    if build is None:
        return lambda function: prepared(function, fixed=fixed)
    names = list(inspect.signature(build).parameters)
    positions = frozenset(names.index(name) for name in fixed)
    plans = {}
    lock = threading.Lock()

    @wraps(build)
    def run(*args):
        shape, values = _shape(args, positions)
        plan = plans.get(shape)
        if plan is None:
            with lock:
                plan = plans.get(shape)
                if plan is None:
                    if len(plans) >= MAX_PLANS:
                        plans.clear()
                    plan = _plan(build, shape) or _UNPREPARED
                    plans[shape] = plan
        if plan is not _UNPREPARED:
            rows = plan.run(values)
            if rows is not None:
                return rows
        return list(build(*args))

    run.plans = plans
    _ALL_PLANS.append(plans)
    return run


@receiver(post_migrate, dispatch_uid="home.prepared.forget_plans")
def forget_plans(**kwargs):
    """Drop every compiled plan: ``post_migrate`` follows ``migrate`` and ``flush``, after which content types (whose
    ids plans hold as constants) may carry new ids. The next call of each shape compiles it again."""
    for plans in _ALL_PLANS:
        plans.clear()
