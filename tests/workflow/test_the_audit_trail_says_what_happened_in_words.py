"""The audit trail's screen says what each event did in the reader's language; an action it has
no words for is shown by its code; every action the code records has its words."""

import ast
import functools
import importlib
from pathlib import Path

from django.urls import reverse
from django.utils import translation

from audit import chain as audit
from workflow.audit_views import EVENT_SENTENCES, event_in_words
from workflow.services import application_act

from .factories import ApplicationFactory, StaffMembershipFactory, association_covering, set_state


def test_events_read_as_sentences_and_unknown_ones_as_their_code(client):
    application = set_state(ApplicationFactory(), "submitted")
    advisor = StaffMembershipFactory(organisation=association_covering(application.territory)).user
    application_act(application_id=application.pk, action="start_review", by=advisor)
    audit.record("something.new", application_id=application.pk, obj=application)
    admin = StaffMembershipFactory(user__is_superuser=True).user
    client.force_login(admin)

    page = client.get(reverse("audit_trail"), {"person": str(application.pk)}).content.decode()

    assert "a commencé l&#x27;examen du dossier" in page or "a commencé l'examen du dossier" in page
    assert "application.review_started" not in page
    assert "something.new" in page


def test_the_sentence_follows_the_language():
    with translation.override("en"):
        assert event_in_words("application.approved") == "approved the file"
    assert event_in_words("no.such_action") == "no.such_action"


# Every action the code records, found by reading the code: a new action without its sentence
# fails here, before any reader meets its code on the screen.

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = (
    "accounts",
    "appointments",
    "audit",
    "cms_pages",
    "conversations",
    "documents",
    "oversight",
    "pairings",
    "translations",
    "workflow",
    "site/config",
)
#: Actions built from what a signal says: named here, since the code cannot be read for them.
BUILT_FROM_SIGNALS = {
    "accounts.signals:groups_changed": [f"permissions.groups_{a}" for a in ("add", "remove", "clear")],
    "accounts.signals:permissions_changed": [f"permissions.permissions_{a}" for a in ("add", "remove", "clear")],
    # Its callers name what the proxy did.
    "workflow.mandates:proxy_action_record": [
        "proxy.message_sent",
        "proxy.document_uploaded",
        "proxy.proposal_answered",
    ],
}


def _modules():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            dotted = ".".join(path.relative_to(ROOT / package).with_suffix("").parts)
            prefix = package.split("/")[-1]
            name = prefix if dotted == "__init__" else f"{prefix}.{dotted.removesuffix('.__init__')}"
            yield name, path


class _Module:
    """A module's syntax tree with its functions and parents, and its namespace to evaluate names."""

    def __init__(self, name, path):
        self.name = name
        self.tree = ast.parse(path.read_text(), filename=str(path))
        self.parents = {}
        for node in ast.walk(self.tree):
            for child in ast.iter_child_nodes(node):
                self.parents[child] = node
        self.functions = {
            node.name: node for node in ast.walk(self.tree) if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        }

    @functools.cached_property
    def namespace(self) -> dict:
        return vars(importlib.import_module(self.name))

    def function_of(self, node):
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                return node
        return None

    def evaluate(self, node, function=None):
        """The value of ``node`` in the module, with the imports ``function`` makes of its own."""
        namespace = self.namespace
        if function is not None:
            imports = [n for n in ast.walk(function) if isinstance(n, ast.Import | ast.ImportFrom)]
            if imports:
                namespace = dict(namespace)
                package = self.name if self.name.count(".") == 0 else self.name.rsplit(".", 1)[0]
                for statement in imports:
                    if isinstance(statement, ast.ImportFrom) and statement.level:
                        statement = ast.ImportFrom(
                            module=".".join(
                                filter(None, [package.rsplit(".", statement.level - 1)[0], statement.module])
                            ),
                            names=statement.names,
                            level=0,
                        )
                    tree = ast.fix_missing_locations(ast.Module([statement], []))
                    exec(compile(tree, self.name, "exec"), namespace)  # noqa: S102
        try:
            return eval(compile(ast.Expression(node), self.name, "eval"), namespace)  # noqa: S307
        except (NameError, AttributeError, KeyError, TypeError, ValueError):
            return None


class Unresolved(Exception):
    pass


def _values(module: _Module, node, function, key=None) -> set[str]:
    """The strings ``node`` may hold in ``function`` of ``module``, followed through local
    assignments, module-level tables and the callers' arguments."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _values(module, node.body, function) | _values(module, node.orelse, function)
    if isinstance(node, ast.JoinedStr):
        found = {""}
        for part in node.values:
            if isinstance(part, ast.Constant):
                found = {f"{before}{part.value}" for before in found}
            else:
                found = {f"{before}{value}" for before in found for value in _values(module, part.value, function)}
        return found
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
        table = module.namespace.get(node.value.id)
        if isinstance(table, dict) and function is not None and node.value.id not in _locals(function):
            return {str(value) for value in table.values()}
        if isinstance(node.slice, ast.Constant) and function is not None:
            return _parameter(module, function, node.value.id, key=node.slice.value)
    if isinstance(node, ast.Name) and function is not None:
        assigned = [
            a.value
            for a in ast.walk(function)
            if isinstance(a, ast.Assign) and any(isinstance(t, ast.Name) and t.id == node.id for t in a.targets)
        ]
        if assigned:
            return set().union(*(_values(module, value, function) for value in assigned))
        if node.id in _parameters(function):
            return _parameter(module, function, node.id, key=key)
    value = module.evaluate(node)
    if isinstance(value, str):
        return {str(value)}
    raise Unresolved(ast.unparse(node))


def _locals(function) -> set[str]:
    return _parameters(function) | {
        t.id for a in ast.walk(function) if isinstance(a, ast.Assign) for t in a.targets if isinstance(t, ast.Name)
    }


def _parameters(function) -> set[str]:
    arguments = function.args
    names = [a.arg for a in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs)]
    names += [a.arg for a in (arguments.vararg, arguments.kwarg) if a is not None]
    return set(names)


def _parameter(module: _Module, function, name: str, key=None) -> set[str]:
    """What the callers of ``function`` in its module pass as its parameter ``name`` (or, for its
    ``**name``, as its keyword ``key``)."""
    arguments = function.args
    positional = [a.arg for a in (*arguments.posonlyargs, *arguments.args)]
    keyword = key if arguments.kwarg is not None and name == arguments.kwarg.arg else name
    found, calls = set(), 0
    for call in ast.walk(module.tree):
        if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == function.name):
            continue
        calls += 1
        given = [k.value for k in call.keywords if k.arg == keyword]
        if not given and keyword in positional and positional.index(keyword) < len(call.args):
            given = [call.args[positional.index(keyword)]]
        if not given:
            raise Unresolved(f"{function.name}({keyword}=…)")
        found |= _values(module, given[0], module.function_of(call))
    if not calls:
        raise Unresolved(f"{function.name}'s {name}")
    return found


def _dotted(node) -> bool:
    """Whether ``node`` is a plain name or a chain of attributes (reading it runs no code of ours)."""
    while isinstance(node, ast.Attribute):
        node = node.value
    return isinstance(node, ast.Name)


def recorded_actions() -> tuple[set[str], list[str]]:
    """Every action name the code base records, and the places whose actions cannot be read."""
    from audit.chain import record

    actions, unread = set(), []
    for name, path in _modules():
        if "record" not in path.read_text():
            continue
        module = _Module(name, path)
        for call in ast.walk(module.tree):
            if not (isinstance(call, ast.Call) and call.args):
                continue
            function = module.function_of(call)
            if not _dotted(call.func) or module.evaluate(call.func, function) is not record:
                continue
            place = f"{name}:{function.name if function else '<module>'}"
            if place in BUILT_FROM_SIGNALS:
                actions.update(BUILT_FROM_SIGNALS[place])
                continue
            try:
                actions |= _values(module, call.args[0], function)
            except Unresolved as unknown:
                unread.append(f"{path.relative_to(ROOT)}:{call.lineno} ({unknown})")
    return actions, unread


def test_every_action_recorded_anywhere_has_its_sentence():
    actions, unread = recorded_actions()

    assert unread == [], "name these places' actions in BUILT_FROM_SIGNALS"
    # The reading finds what is recorded, through tables, f-strings and callers' arguments.
    assert {
        "application.approved",
        "pairing.accepted_by_one",
        "pairing.convention_refused",
        "document.reencrypted",
        "convention.sealed",
        "appointment.cancelled",
        "audit.anchored",
        "export.requested",
        "pairing.dossier_exported",
        "pairing.wellbeing_answered",
        "application.referral_withdrawn",
    } <= actions
    assert sorted(actions - set(EVENT_SENTENCES)) == []


def test_the_oversight_actions_read_as_sentences():
    with translation.override("en"):
        assert event_in_words("export.requested") == "asked for an export"
        assert event_in_words("export.downloaded") == "downloaded an export"
        assert event_in_words("pairing.dossier_viewed") == "read the pairing's dossier"
        assert event_in_words("pairing.dossier_exported") == "downloaded the pairing's sealed dossier"
        assert event_in_words("application.referral_withdrawn") == "stopped sharing the file with the partner"
