"""Set up a new portal: locales, the Site, the home pages and the groups, idempotently."""

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
)
from wagtail.users.models import UserProfile

from approvals.operator import publish_as_operator
from approvals.partners import PARTNER_GROUP_NAMES, PARTNERS
from approvals.setup import ensure_partner_workflow
from cms.roles import COUNCIL_GROUPS, EDITORS, TRANSLATOR_GROUPS
from councils.grants import COUNCIL_COLLECTION_PERMISSIONS, council_model_permissions, ensure_council_page_grants
from home.models import HomePage
from translations.importing import translate_with_texts
from translations.permissions import glossary_permissions, submit_translation_permission

LOCALES = ["fr", "ar", "en"]
HOME_TEXTS = {
    "title": {
        "fr": "Régionalisation avancée",
        "ar": "الجهوية المتقدمة",
        "en": "Advanced regionalisation",
    },
    "slug": {"fr": "accueil", "ar": "الرئيسية", "en": "home"},
    "summary": {
        "fr": "Les outils et les expériences réussies des 12 conseils régionaux du Maroc.",
        "ar": "أدوات المجالس الجهوية الاثنتي عشرة بالمغرب وتجاربها الناجحة.",
        "en": "The tools and successful experiences of Morocco's 12 regional councils.",
    },
    "introduction": {
        "fr": (
            "Accompagnement du processus de régionalisation avancée : capitalisation, généralisation et "
            "appropriation des outils de coopération, de communication et de participation citoyenne au niveau des "
            "12 Régions du Maroc."
        ),
        "ar": (
            "مواكبة مسار الجهوية المتقدمة: رسملة أدوات التعاون والتواصل والمشاركة المواطنة وتعميمها وتملكها على "
            "مستوى جهات المغرب الاثنتي عشرة."
        ),
        "en": (
            "Supporting advanced regionalisation: capturing, spreading and embedding the tools of cooperation, "
            "communication and citizen participation across Morocco's 12 regions."
        ),
    },
}

# Page permissions never include "publish": publication happens only through partner approval.
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
TRANSLATOR_PAGE_PERMISSIONS = ["change_page"]
EDITOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
# Editors maintain the toolkit's snippets (tool adoptions, themes, partners, footer); nobody else edits them. Their
# changes are drafts until the partners approve them, like pages.
TOOLKIT_SNIPPETS = ("adoption", "theme", "partner", "sitefooter")
EDITOR_SNIPPET_PERMISSIONS = [
    ("toolkit", f"{action}_{model}") for model in TOOLKIT_SNIPPETS for action in ("add", "change", "delete")
]
# Translators translate the translatable snippets in their own language (translations.guards confines them); an
# adoption has no language and stays with editors.
TRANSLATOR_SNIPPET_PERMISSIONS = [("toolkit", f"change_{model}") for model in ("theme", "partner", "sitefooter")]
# Reviewers may take a live snippet down, as they may a page. Wagtail's snippet unpublish view asks for the model's
# "publish" permission; publishing itself stays refused to everyone (approvals.guard) and its button is removed.
# "view" lets them list the snippets, where each live one offers them "Unpublish" (approvals.wagtail_hooks).
REVIEWER_SNIPPET_PERMISSIONS = [
    ("toolkit", f"{action}_{model}") for model in TOOLKIT_SNIPPETS for action in ("view", "publish")
]
# The approval trail (Reports → Approvals and its exports) is read by editors and the partners' reviewers only.
APPROVAL_TRAIL_PERMISSION = ("approvals", "view_partnerdecision")
# So are the subscriber counts per filter (Reports → Subscribers); the addresses are for superusers only.
SUBSCRIBER_COUNTS_PERMISSION = ("subscriptions", "view_subscriber_counts")
CHOOSER_COLLECTION_PERMISSIONS = [("wagtailimages", "choose_image"), ("wagtaildocs", "choose_document")]

REVIEWERS_OF = {partner.code: partner.group_name for partner in PARTNERS}
DEMO_USERS = [
    ("editor", EDITORS, "fr"),
    ("dgct", REVIEWERS_OF["dgct"], "fr"),
    ("arm", REVIEWERS_OF["arm"], "fr"),
    ("embassy", REVIEWERS_OF["embassy"], "en"),
    ("translator_ar", TRANSLATOR_GROUPS["ar"], "ar"),
    ("translator_en", TRANSLATOR_GROUPS["en"], "en"),
    ("translator_fr", TRANSLATOR_GROUPS["fr"], "fr"),
    ("council_04", COUNCIL_GROUPS["04"], "fr"),  # Rabat-Salé-Kénitra
    ("council_09", COUNCIL_GROUPS["09"], "ar"),  # Souss-Massa
]
COMMAND = "bootstrap_portal"


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


class Command(BaseCommand):
    help = (
        "Create the locales, the Site, the home page in French with its Arabic and English translations, and the "
        "editorial groups. Safe to run again: a second run changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--demo-users", action="store_true", help="Also create one demo account per group.")
        parser.add_argument("--password", help="Password of the demo accounts (default: $PORTAL_DEMO_PASSWORD).")
        parser.add_argument("--force", action="store_true", help="Allow --demo-users with DEBUG=False.")

    def handle(self, *args, demo_users=False, password=None, force=False, **options):
        if demo_users:
            password = password or os.environ.get("PORTAL_DEMO_PASSWORD")
            if not settings.DEBUG and not force:
                raise CommandError(
                    "Refusing to create demo accounts with DEBUG=False: they have known passwords. "
                    "Use --force if this really is a demonstration server."
                )
            if not password:
                raise CommandError("Demo accounts need a password: give --password or set PORTAL_DEMO_PASSWORD.")
        self.changes = []
        with transaction.atomic():
            locales = self.ensure_locales()
            homes = self.ensure_home_pages(locales)
            self.ensure_site(homes["fr"])
            self.ensure_groups(homes)
            self.changes += ensure_partner_workflow(list(homes.values()))
            if demo_users:
                self.ensure_demo_users(password)
        if self.changes:
            for change in self.changes:
                self.stdout.write(f"  {change}")
            self.stdout.write(self.style.SUCCESS(f"Portal bootstrapped: {len(self.changes)} change(s)."))
        else:
            self.stdout.write(self.style.SUCCESS("Portal already bootstrapped: nothing changed."))

    # Locales -------------------------------------------------------------------------------------------------------
    def ensure_locales(self):
        locales = {}
        for code in LOCALES:
            locales[code], created = Locale.objects.get_or_create(language_code=code)
            if created:
                self.changes.append(f"created locale {code}")
        return locales

    # Pages ---------------------------------------------------------------------------------------------------------
    def ensure_home_pages(self, locales):
        root = Page.get_first_root_node()
        if root is None:  # Wagtail's migrations create it; a flushed database has none
            root = Page.add_root(title="Root", locale=locales["fr"])
            self.changes.append("created the root page")
        home = HomePage.objects.filter(locale=locales["fr"]).first()
        if home is None:
            self.remove_wagtail_welcome_page(root)
            home = HomePage(
                locale=locales["fr"],
                **{field: HOME_TEXTS[field]["fr"] for field in ("title", "slug", "summary", "introduction")},
            )
            root.add_child(instance=home)
            self.ensure_site(home)  # before publishing, so the page has a URL when it is indexed
            publish_as_operator(home, COMMAND)
            self.changes.append("created and published the French home page")
        homes = {"fr": home}
        for code in ("ar", "en"):
            translated = home.get_translation_or_none(locales[code])
            if translated is None:
                texts = {HOME_TEXTS[field]["fr"]: HOME_TEXTS[field][code] for field in HOME_TEXTS}
                translated = translate_with_texts(home, locales[code], texts)
                publish_as_operator(translated, COMMAND)
                self.changes.append(f"translated the home page into {code} and published it")
            homes[code] = translated.specific
        return homes

    def remove_wagtail_welcome_page(self, root):
        """Wagtail's installation leaves a plain 'Welcome to your new Wagtail site!' page; it has no place here."""
        for page in root.get_children().filter(content_type__model="page", content_type__app_label="wagtailcore"):
            if page.numchild == 0:
                page.delete()
                self.changes.append("removed Wagtail's placeholder welcome page")

    def ensure_site(self, home):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name=settings.WAGTAIL_SITE_NAME,
            )
            self.changes.append("created the default Site")
        elif site.root_page_id != home.pk or site.site_name != settings.WAGTAIL_SITE_NAME:
            site.root_page = home
            site.site_name = settings.WAGTAIL_SITE_NAME
            site.save()
            self.changes.append("pointed the default Site at the French home page")

    # Groups --------------------------------------------------------------------------------------------------------
    def ensure_groups(self, homes):
        self.remove_wagtail_default_grants()
        access_admin = _permission("wagtailadmin", "access_admin")
        # Wagtail's migrations create the root collection; a flushed database (the browser tests') has none.
        root_collection = Collection.get_first_root_node() or Collection.add_root(name="Root")

        editors = self.group(
            EDITORS,
            [
                access_admin,
                submit_translation_permission(),
                *glossary_permissions("editor"),
                *(_permission(app, codename) for app, codename in EDITOR_SNIPPET_PERMISSIONS),
                _permission(*APPROVAL_TRAIL_PERMISSION),
                _permission(*SUBSCRIBER_COUNTS_PERMISSION),
            ],
        )
        for home in homes.values():
            self.page_permissions(editors, home, EDITOR_PAGE_PERMISSIONS)
        self.collection_permissions(editors, root_collection, EDITOR_COLLECTION_PERMISSIONS)

        for name in PARTNER_GROUP_NAMES:
            reviewers = self.group(
                name,
                [
                    access_admin,
                    *(_permission(app, codename) for app, codename in REVIEWER_SNIPPET_PERMISSIONS),
                    _permission(*APPROVAL_TRAIL_PERMISSION),
                    _permission(*SUBSCRIBER_COUNTS_PERMISSION),
                ],
            )
            self.collection_permissions(reviewers, root_collection, CHOOSER_COLLECTION_PERMISSIONS)

        for code, name in TRANSLATOR_GROUPS.items():
            translators = self.group(
                name,
                [
                    access_admin,
                    *glossary_permissions("translator"),
                    *(_permission(app, codename) for app, codename in TRANSLATOR_SNIPPET_PERMISSIONS),
                ],
            )
            self.page_permissions(translators, homes[code], TRANSLATOR_PAGE_PERMISSIONS)
            self.collection_permissions(translators, root_collection, CHOOSER_COLLECTION_PERMISSIONS)

        # Regional councils: their region page and proposals in French and Arabic, their region's adoptions
        # (councils.grants); the pages they are granted on may not exist yet, they are granted when created.
        for name in COUNCIL_GROUPS.values():
            council = self.group(name, [access_admin, *council_model_permissions()])
            self.collection_permissions(council, root_collection, COUNCIL_COLLECTION_PERMISSIONS)
        self.changes += ensure_council_page_grants()

    def remove_wagtail_default_grants(self):
        """Wagtail's installation creates a "Moderators" group that may publish everything, and grants its
        "Editors" group rights on the root page. Here, nobody publishes outside partner approval and every page
        right is granted per locale tree, so both go."""
        deleted, _ = Group.objects.filter(name="Moderators").delete()
        if deleted:
            self.changes.append("removed Wagtail's default Moderators group (it could publish)")
        root_grants = GroupPagePermission.objects.filter(page__depth=1)
        if root_grants.exists():
            root_grants.delete()
            self.changes.append("removed page permissions granted on the root page")

    def group(self, name, permissions):
        group, created = Group.objects.get_or_create(name=name)
        if created:
            self.changes.append(f"created group {name}")
        held = set(group.permissions.values_list("pk", flat=True))
        missing = [p for p in permissions if p.pk not in held]
        if missing:
            group.permissions.add(*missing)
            self.changes.append(f"granted {', '.join(p.codename for p in missing)} to {name}")
        return group

    def page_permissions(self, group, page, codenames):
        for codename in codenames:
            _obj, created = GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=_permission("wagtailcore", codename)
            )
            if created:
                self.changes.append(f"granted {codename} on {page.locale.language_code} pages to {group.name}")

    def collection_permissions(self, group, collection, permissions):
        for app_label, codename in permissions:
            _obj, created = GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=_permission(app_label, codename)
            )
            if created:
                self.changes.append(f"granted {codename} to {group.name}")

    # Demo users ----------------------------------------------------------------------------------------------------
    def ensure_demo_users(self, password):
        User = get_user_model()
        for username, group_name, language in DEMO_USERS:
            user, created = User.objects.get_or_create(
                username=username, defaults={"email": f"{username}@example.org", "first_name": username}
            )
            if created:
                user.set_password(password)
                user.save()
                self.changes.append(f"created demo user {username}")
            if not user.groups.filter(name=group_name).exists():
                user.groups.add(Group.objects.get(name=group_name))
                self.changes.append(f"added {username} to {group_name}")
            profile = UserProfile.get_for_user(user)
            if not profile.preferred_language:
                profile.preferred_language = language
                profile.save()
        admin, created = User.objects.get_or_create(
            username="admin", defaults={"email": "admin@example.org", "is_staff": True, "is_superuser": True}
        )
        if created:
            admin.set_password(password)
            admin.save()
            self.changes.append("created demo superuser admin")
