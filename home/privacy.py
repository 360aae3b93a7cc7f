"""A page's privacy holds in every language.

Wagtail's view restrictions (the admin's "Privacy" dialog: a shared password, logged-in users, or chosen groups)
belong to one page and cover its subpages. A French page and its Arabic and English translations are separate pages
in separate trees, so on its own a restriction set on the French page leaves its translations public: served,
found by search, listed, and offered by the language switcher. The portal's rule is that privacy is a property of
the content, not of one language's copy of it:

- a restriction set, changed or removed on a page is mirrored onto every translation of that page (the pages
  sharing its ``translation_key``), whichever language it was set in;
- a translation created later starts with its source's restriction, groups included (``copy_for_translation_done``;
  wagtail-localize's own ``sync_view_restrictions``, run when a translation is saved from its source, copies the
  source's first restriction without its groups, and does nothing when privacy changes);
- subpages inherit from their ancestors, as Wagtail already does, in each language's tree.

Mirroring copies the restriction itself (type, shared password, groups): each translation then carries its own
``PageViewRestriction`` row, so everything that already reads Wagtail's restrictions (``serve``'s password and login
forms, ``PageQuerySet.public()``, the search index's signals) treats the translations as private too. A reader who
entered the shared password on one language enters it again on another (Wagtail remembers passed restrictions by
row).

The public side asks one question, "may the public see this page?", through ``live_public`` (querysets) so that
listings, the frame's navigation, the language switcher and later the API and sitemap share one definition.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models import Exists, OuterRef, QuerySet
from django.db.models.functions import Length, Substr
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import copy_for_translation_done

# True while this module writes the translations' restrictions: their own signals must not mirror them back.
_mirroring = ContextVar("portal_privacy_mirroring", default=False)


@contextmanager
def _mirroring_scope():
    token = _mirroring.set(True)
    try:
        yield
    finally:
        _mirroring.reset(token)


# The public side ---------------------------------------------------------------------------------------------------
def restricted():
    """A condition on pages: a view restriction sits on the page or one of its ancestors.

    Wagtail's ``PageQuerySet.public()`` reads every restriction first (one query each time it is called); this is a
    subquery of the page query itself, so filtering costs no query of its own.
    """
    return Exists(PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path"))))


def live_public(pages: QuerySet) -> QuerySet:
    """The pages of ``pages`` the public may see: live, and under no view restriction in their language's tree."""
    return pages.live().filter(~restricted())


# Mirroring ---------------------------------------------------------------------------------------------------------
def mirror_restrictions(source, targets=None, groups=True):
    """Give each page of ``targets`` (by default every other translation of ``source``) the restrictions set on
    ``source`` itself: the same number of rows, each with the same type, password and (if ``groups``) groups.

    Rows already equal are left alone, so mirroring twice writes nothing and logs nothing. Wagtail logs each row
    written in the target page's history, under the user of the admin request.
    """
    if targets is None:
        targets = Page.objects.filter(translation_key=source.translation_key).exclude(pk=source.pk)
    wanted = list(PageViewRestriction.objects.filter(page_id=source.pk).prefetch_related("groups").order_by("pk"))
    with _mirroring_scope():
        for target in targets:
            existing = list(PageViewRestriction.objects.filter(page_id=target.pk).order_by("pk"))
            for model, row in zip(wanted, existing, strict=False):
                if (row.restriction_type, row.password) != (model.restriction_type, model.password):
                    row.restriction_type, row.password = model.restriction_type, model.password
                    row.save()
                if groups:
                    _mirror_groups(model, row)
            for model in wanted[len(existing) :]:
                row = PageViewRestriction(page=target, restriction_type=model.restriction_type, password=model.password)
                row.save()
                row.groups.set(model.groups.all())
            for row in existing[len(wanted) :]:
                row.delete()


def _mirror_groups(model, row):
    wanted = {group.pk for group in model.groups.all()}
    if set(row.groups.values_list("pk", flat=True)) != wanted:
        row.groups.set(wanted)


@receiver(post_save, sender=PageViewRestriction, dispatch_uid="portal-privacy-mirror-save")
def mirror_saved_restriction(sender, instance, raw=False, **kwargs):
    """Type and password only: Wagtail saves a restriction before its groups (the admin form's ``save_m2m``, the
    page copy's ``groups.set``); the groups follow in ``mirror_groups`` once they are set."""
    if raw or _mirroring.get():
        return
    mirror_restrictions(instance.page, groups=False)


@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="portal-privacy-mirror-delete")
def mirror_deleted_restriction(sender, instance, origin=None, **kwargs):
    """A restriction removed by someone, not one deleted with its page: deleting the French page must not make its
    translations public."""
    if _mirroring.get() or not _deleted_for_itself(origin):
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        mirror_restrictions(page)


def _deleted_for_itself(origin):
    if isinstance(origin, PageViewRestriction):
        return True
    return isinstance(origin, QuerySet) and issubclass(origin.model, PageViewRestriction)


@receiver(m2m_changed, sender=PageViewRestriction.groups.through, dispatch_uid="portal-privacy-mirror-groups")
def mirror_groups(sender, instance, action, reverse, pk_set, **kwargs):
    if _mirroring.get() or action not in {"post_add", "post_remove", "post_clear"}:
        return
    if reverse:  # a group's restrictions changed from the group's side
        restrictions = PageViewRestriction.objects.filter(pk__in=pk_set or []).select_related("page")
        pages = {restriction.page for restriction in restrictions}
    else:
        pages = {instance.page}
    for page in pages:
        mirror_restrictions(page)


@receiver(copy_for_translation_done, dispatch_uid="portal-privacy-new-translation")
def restrict_new_translation(sender, source_obj, target_obj, **kwargs):
    """A new translation carries its source's own restrictions. Wagtail's page copy brings them along only when the
    new page's parent is public, and wagtail-localize's sync that follows leaves out the groups; this makes the rule
    hold whatever the parent."""
    if isinstance(source_obj, Page) and isinstance(target_obj, Page):
        mirror_restrictions(source_obj, targets=[target_obj])
