"""The workflow's and the task's names, shown in the admin's language.

Wagtail stores a workflow's and a task's name in the database ("Validation tripartite", "Partner approval", set by
``approvals.setup``) and prints the stored text in some thirty places: the status side panel, the action menu
("Submit to ..."), dashboards, the workflow history, reports. The French, Arabic and English admins must each read
their own words, so the model field's attribute is replaced (``install``) by one that hands back the stored text as a
``TranslatedName``: a ``str`` whose data stay the stored name (the database, JSON and comparisons see it unchanged)
and whose ``str()`` and formatting give the translation of the active language.

Internals relied on (pinned by ``approvals/tests/test_names.py``): a concrete model field's class attribute is a
``DeferredAttribute`` whose ``__get__`` loads a deferred value into ``instance.__dict__``; templates, ``%`` and
``format`` go through ``str()`` / ``__format__``. A name saved in a translated form (a superuser saving the workflow
form, which shows the translation) is put back to the stored name before it is written (``keep_stored_name``).
"""

from django.db.models.query_utils import DeferredAttribute
from django.db.models.signals import pre_save
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

WORKFLOW_NAME = gettext_noop("Validation tripartite")
TASK_NAME = gettext_noop("Partner approval")
TRANSLATED_NAMES = frozenset({WORKFLOW_NAME, TASK_NAME})


class TranslatedName(str):
    """A stored name that reads in the active language."""

    def __str__(self):
        return gettext(str.__str__(self))

    def __format__(self, spec):
        return format(str(self), spec)

    def __html__(self):
        from django.utils.html import escape

        return escape(str(self))


class TranslatedNameAttribute(DeferredAttribute):
    """Django's field attribute reads the loaded value straight from ``instance.__dict__`` (it is a non-data
    descriptor); defining ``__set__`` makes this one a data descriptor, so every read comes through ``__get__``."""

    def __get__(self, instance, cls=None):
        if instance is None:
            return self
        value = super().__get__(instance, cls)
        if isinstance(value, str) and value in TRANSLATED_NAMES:
            return TranslatedName(value)
        return value

    def __set__(self, instance, value):
        instance.__dict__[self.field.attname] = value


def stored_name(value):
    """The stored name that ``value`` translates, or ``value`` itself."""
    if not isinstance(value, str) or value in TRANSLATED_NAMES:
        return str.__str__(value) if isinstance(value, str) else value
    from django.conf import settings

    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            for name in TRANSLATED_NAMES:
                if value == gettext(name):
                    return name
    return value


def keep_stored_name(sender, instance, **kwargs):
    from wagtail.models import Task, Workflow

    if isinstance(instance, (Task, Workflow)) and "name" in instance.__dict__:
        instance.__dict__["name"] = stored_name(instance.__dict__["name"])


def install():
    """Called once from ``ApprovalsConfig.ready``."""
    from wagtail.models import Task, Workflow

    for model in (Task, Workflow):
        field = model._meta.get_field("name")
        setattr(model, field.attname, TranslatedNameAttribute(field))
    # No sender: a task is saved as its specific class (PartnerApprovalTask), which is the signal's sender.
    pre_save.connect(keep_stored_name, dispatch_uid="portal-stored-workflow-names")
