"""Builds the demo site from :mod:`cms_pages.demo.content`: idempotent, never overwrites.

Run by ``manage.py load_demo`` (``make run``). Each step looks for what it would create and
keeps what it finds, so a second run changes nothing and an editor's changes survive.
"""

import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from email.utils import parseaddr
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission, Locale, Page, Site

from cms_pages.models import (
    ApplicationFormPage,
    Audience,
    ContactFormField,
    ContactPage,
    CountryPage,
    FAQPage,
    HomePage,
    HowItWorksPage,
    LegalPage,
    NewsArticlePage,
    NewsIndexPage,
    StandardPage,
)
from cms_pages.permissions import grant_page_permissions, name_country_team, team_names
from translations.languages import TRANSLATOR_GROUP_NAMES
from workflow.demo import build_demo_files, build_demo_staff
from workflow.enums import OrganisationKind, TerritoryLevel
from workflow.models import Country, Organisation, Territory

from . import content, legal

IMAGES_DIR = Path(__file__).resolve().parent / "images"

#: The national section each home page's calls to action lead to.
HOME_SECTION = {"fr": "FR", "en": "FR", "es": "ES"}

COUNTRIES = {
    "FR": {
        "name": "France",
        "languages": ["fr", "en"],
        "currency": "EUR",
        "min_contribution": Decimal("0"),
        "max_contribution": Decimal("150"),
        "host_min_age": 60,
        "guest_min_age": 18,
        "guest_max_age": 30,
        "notice_period_days": 30,
        "minimum_stay_days": 90,
        "territories": [
            ("75", "Nouvelle-Aquitaine", [("33", "Gironde"), ("24", "Dordogne"), ("40", "Landes")]),
            ("11", "Île-de-France", [("75", "Paris")]),
        ],
    },
    "ES": {
        "name": "España",
        "languages": ["es", "en"],
        "currency": "EUR",
        "min_contribution": Decimal("0"),
        "max_contribution": Decimal("100"),
        "host_min_age": 60,
        "guest_min_age": 18,
        "guest_max_age": 35,
        "notice_period_days": 30,
        "minimum_stay_days": 90,
        "territories": [("13", "Comunidad de Madrid", [("28", "Madrid")])],
    },
}

LANGUAGE_NAMES = dict(settings.LANGUAGES)


@dataclass
class DemoAccount:
    username: str
    role: str


@dataclass
class DemoResult:
    accounts: list[DemoAccount] = field(default_factory=list)
    created_pages: int = 0


def _stream(blocks: list[tuple[str, object]]) -> str:
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


class DemoBuilder:
    def __init__(self, *, with_images: bool = True):
        self.with_images = with_images
        self.result = DemoResult()
        self.images: dict[str, object] = {}

    # -- reference data ---------------------------------------------------------------------
    def locales(self) -> dict[str, Locale]:
        return {code: Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.LANGUAGES}

    def country(self, code: str) -> Country:
        spec = COUNTRIES[code]
        rules = {k: v for k, v in spec.items() if k != "territories"}
        country, _ = Country.objects.get_or_create(code=code, defaults=rules)
        name_country_team(country)  # a demo loaded before the team had names in its language
        names = team_names(country)
        editors = country.communications_editors or Group.objects.get_or_create(name=names["editors"])[0]
        moderators = country.communications_moderators or Group.objects.get_or_create(name=names["moderators"])[0]
        if country.communications_editors_id is None or country.communications_moderators_id is None:
            country.communications_editors = editors
            country.communications_moderators = moderators
            country.save()
        collection = self.collection(country.name)
        for group in (editors, moderators):
            self.give_admin_access(group, collection)
        orgs = {}
        for kind, data in content.ORGANISATIONS[code].items():
            orgs[kind], _ = Organisation.objects.get_or_create(
                country=country,
                name=data["name"],
                defaults={
                    "kind": kind,
                    "email": data.get("email", ""),
                    "phone": data.get("phone", ""),
                    "opening_hours": data.get("opening_hours", ""),
                    "address": data.get("address", ""),
                },
            )
        for region_code, region_name, departments in spec["territories"]:
            region, _ = Territory.objects.get_or_create(
                country=country,
                level=TerritoryLevel.REGION,
                code=region_code,
                defaults={"name": region_name, "pension_office": orgs.get(OrganisationKind.PENSION_OFFICE)},
            )
            for dept_code, dept_name in departments:
                dept, created = Territory.objects.get_or_create(
                    country=country,
                    level=TerritoryLevel.DEPARTMENT,
                    code=dept_code,
                    defaults={"name": dept_name, "parent": region},
                )
                if created and OrganisationKind.ASSOCIATION in orgs:
                    dept.associations.add(orgs[OrganisationKind.ASSOCIATION])
        return country

    def collection(self, name: str) -> Collection:
        root = Collection.get_first_root_node()
        existing = root.get_children().filter(name=name).first()
        return existing or root.add_child(name=name)

    def give_admin_access(self, group: Group, collection: Collection) -> None:
        group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
        for app_label, codenames in (
            ("wagtailimages", ("add_image", "change_image", "choose_image")),
            ("wagtaildocs", ("add_document", "change_document", "choose_document")),
        ):
            for codename in codenames:
                permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=collection, permission=permission
                )

    def load_images(self) -> None:
        image_model = get_image_model()
        collection = self.collection("WeShare")
        for key, (filename, alts) in content.IMAGES.items():
            title = f"WeShare — {key}"
            image = image_model.objects.filter(title=title).first()
            if image is None:
                if not self.with_images:
                    continue
                with open(IMAGES_DIR / filename, "rb") as handle:
                    image = image_model(title=title, collection=collection, file=ImageFile(handle, name=filename))
                    if hasattr(image, "description"):
                        image.description = alts.get("en", "")
                    image.save()
            self.images[key] = image

    def image_id(self, key: str | None):
        image = self.images.get(key) if key else None
        return image.pk if image is not None else None

    # -- pages ------------------------------------------------------------------------------
    def publish(self, page: Page) -> Page:
        page.save_revision().publish()
        self.result.created_pages += 1
        return page

    def child(self, parent: Page, model, *, slug: str, locale: Locale, source: Page | None, fields: dict, after=None):
        """The page with this slug under ``parent`` (or ``source``'s translation), created if missing."""
        if source is not None:
            existing = source.get_translation_or_none(locale)
        else:
            existing = parent.get_children().filter(slug=slug, locale=locale).first()
        if existing is not None:
            return existing.specific
        page = source.copy_for_translation(locale).specific if source is not None else model(locale=locale)
        page.slug = slug
        for name, value in fields.items():
            setattr(page, name, value)
        if after is not None:
            after(page)
        if source is None:
            parent.add_child(instance=page)
        return self.publish(page)

    def root_home(self, locales: dict[str, Locale]) -> HomePage:
        root = Page.get_first_root_node()
        default_locale = locales[settings.LANGUAGE_CODE]
        home = HomePage.objects.filter(depth=2, locale=default_locale).first()
        if home is None:
            # Wagtail's placeholder home page is replaced by the real one.
            for placeholder in Page.objects.filter(
                depth=2, content_type__model="page", content_type__app_label="wagtailcore"
            ):
                placeholder.delete()
            home = self.child(
                root,
                HomePage,
                slug="home",
                locale=default_locale,
                source=None,
                fields=self.home_fields(settings.LANGUAGE_CODE),
            )
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "WeShare"},
        )
        return home

    def home_fields(self, code: str, hosts_page: Page | None = None, guests_page: Page | None = None) -> dict:
        texts = content.HOME[code]
        blocks: list[tuple[str, object]] = [("heading", texts["hosts_title"]), ("paragraph", texts["hosts_text"])]
        if hosts_page is not None:
            blocks.append(("call_to_action", self.cta(hosts_page)))
        blocks += [("heading", texts["guests_title"]), ("paragraph", texts["guests_text"])]
        if guests_page is not None:
            blocks.append(("call_to_action", self.cta(guests_page)))
        blocks.append(
            (
                "key_figures",
                {"heading": "", "figures": [{"figure": f, "label": label} for f, label in texts["figures"]]},
            )
        )
        blocks += [("testimonial", testimonial) for testimonial in texts["testimonials"]]
        return {
            "title": texts["title"],
            "seo_title": texts["seo_title"],
            "search_description": texts["search_description"],
            "hero_title": texts["hero_title"],
            "hero_intro": texts["hero_intro"],
            "hero_image_id": self.image_id(texts.get("hero_image")),
            "og_image_id": self.image_id(texts.get("hero_image")),
            "countries_title": texts["countries_title"],
            "coming_soon": texts["coming_soon"],
            "body": _stream(blocks),
        }

    @staticmethod
    def cta(page: Page, *, title: str | None = None, text: str | None = None, button: str | None = None) -> dict:
        return {
            "title": title or page.title,
            "text": text if text is not None else page.specific.intro,
            "button_label": button or page.title,
            "link_page": page.pk,
            "link_url": "",
        }

    def section(self, code: str, homes: dict[str, HomePage], locales: dict[str, Locale], country: Country) -> dict:
        """The country's section in each of its languages; returns {language: {kind: page}}."""
        spec = content.SECTIONS[code]
        languages = list(spec)
        source_pages: dict[str, Page] = {}
        built: dict[str, dict[str, Page]] = {}
        for language in languages:
            built[language] = self.section_in(
                code,
                spec[language],
                homes[language],
                locales[language],
                country,
                source_pages,
                languages[0] == language,
            )
        return built

    def section_in(self, code, texts, home, locale, country, source_pages, is_source) -> dict[str, Page]:
        pages: dict[str, Page] = {}

        def make(kind, parent, model, fields, after=None):
            slug = fields.pop("slug")
            page = self.child(
                parent,
                model,
                slug=slug,
                locale=locale,
                source=None if is_source else source_pages[kind],
                fields={**fields, "show_in_menus": kind in MENU_PAGES},
                after=after,
            )
            pages[kind] = page
            if is_source:
                source_pages[kind] = page
            return page

        section = make(
            "section",
            home,
            CountryPage,
            {
                "slug": texts["slug"],
                "title": texts["title"],
                "country": country,
                "intro": texts["intro"],
                "body": _stream([("paragraph", texts["body"])]),
                "phone": legal.REACH[code][locale.language_code][0],
                "opening_hours": legal.REACH[code][locale.language_code][1],
            },
        )
        for kind, audience in (("hosts", Audience.HOSTS), ("guests", Audience.GUESTS)):
            t = texts[kind]
            make(
                kind,
                section,
                HowItWorksPage,
                {
                    "slug": t["slug"],
                    "title": t["title"],
                    "audience": audience,
                    "intro": t["intro"],
                    "image_id": self.image_id(t.get("image")),
                    "steps": _stream([("step", {"title": s, "text": x}) for s, x in t["steps"]]),
                    "body": _stream([("paragraph", t["body"])]),
                },
            )
        t = texts["about"]
        about_blocks: list[tuple[str, object]] = [("paragraph", t["body"])]
        if t.get("cta"):
            cta = t["cta"]
            about_blocks.append(
                ("call_to_action", self.cta(pages["hosts"], title=cta["title"], text=cta["text"], button=cta["button"]))
            )
        make(
            "about",
            section,
            StandardPage,
            {
                "slug": t["slug"],
                "title": t["title"],
                "intro": t["intro"],
                "image_id": self.image_id(t.get("image")),
                "body": _stream(about_blocks),
            },
        )
        t = texts["faq"]
        faq_items = [{"question": q, "answer": a} for q, a in t["questions"]]
        make(
            "faq",
            section,
            FAQPage,
            {
                "slug": t["slug"],
                "title": t["title"],
                "intro": t["intro"],
                "body": _stream([("faq", {"heading": "", "items": faq_items})]),
            },
        )
        t = texts["news"]
        news = make("news", section, NewsIndexPage, {"slug": t["slug"], "title": t["title"], "intro": t["intro"]})
        for index, article in enumerate(t["articles"]):
            make(
                f"article{index}",
                news,
                NewsArticlePage,
                {
                    "slug": article["slug"],
                    "title": article["title"],
                    "date": article["date"],
                    "intro": article["intro"],
                    "image_id": self.image_id(article.get("image")),
                    "og_image_id": self.image_id(article.get("image")),
                    "body": _stream([("paragraph", article["body"])]),
                },
            )
        t = texts["contact"]
        association = content.ORGANISATIONS[code].get("association", {})

        def set_form_fields(page, _fields=t["fields"]):
            page.form_fields = [
                ContactFormField(
                    sort_order=i,
                    label=f[0],
                    field_type=f[1],
                    required=f[2],
                    choices="\n".join(f[3]) if len(f) > 3 else "",
                )
                for i, f in enumerate(_fields)
            ]

        make(
            "contact",
            section,
            ContactPage,
            {
                "slug": t["slug"],
                "title": t["title"],
                "intro": t["intro"],
                "address": t["address"],
                "phone": t["phone"],
                "email": t["email"],
                "thank_you_text": t["thank_you"],
                "to_address": association.get("email") or t["email"],
                "from_address": parseaddr(settings.DEFAULT_FROM_EMAIL)[1],
                "subject": t["title"],
            },
            after=set_form_fields,
        )
        for kind, slug, title, intro in FORM_PAGES.get(locale.language_code, []):
            make(
                f"apply_{kind}",
                section,
                ApplicationFormPage,
                {"slug": slug, "title": title, "kind": kind, "intro": intro},
            )
        return pages

    def homes(self, source: HomePage, locales: dict[str, Locale]) -> dict[str, HomePage]:
        homes = {settings.LANGUAGE_CODE: source}
        for code, _name in settings.LANGUAGES:
            if code != settings.LANGUAGE_CODE:
                homes[code] = self.child(
                    source.get_parent(),
                    HomePage,
                    slug=f"home-{code}",
                    locale=locales[code],
                    source=source,
                    fields=self.home_fields(code),
                )
        return homes

    def link_homes(self, homes: dict[str, HomePage], sections: dict[str, dict]) -> None:
        """Give each home page calls to action towards its national section's how-it-works pages."""
        for language, section_code in HOME_SECTION.items():
            pages = sections.get(section_code, {}).get(language)
            # Reloaded: pages were added under it since it was read (a stale copy would reset numchild).
            home = HomePage.objects.get(pk=homes[language].pk)
            if not pages or any(block.block_type == "call_to_action" for block in home.body):
                continue
            for name, value in self.home_fields(language, pages["hosts"], pages["guests"]).items():
                setattr(home, name, value)
            self.publish(home)

    def legal_pages(self, homes: dict[str, HomePage], locales: dict[str, Locale]) -> None:
        """The privacy, legal, accessibility and cookie notices under each home, translations of the default's."""
        source_code = settings.LANGUAGE_CODE
        order = [source_code] + [code for code in homes if code != source_code]
        for kind in legal.LEGAL[source_code]:
            source = None
            for code in order:
                texts = legal.LEGAL[code][kind]
                blocks: list[tuple[str, object]] = []
                for heading, html in texts["sections"]:
                    blocks += [("heading", heading), ("paragraph", html)]
                page = self.child(
                    HomePage.objects.get(pk=homes[code].pk),
                    LegalPage,
                    slug=texts["slug"],
                    locale=locales[code],
                    source=source,
                    fields={
                        "title": texts["title"],
                        "kind": kind,
                        "intro": texts["intro"],
                        "last_updated": date.fromisoformat(legal.LAST_UPDATED),
                        "body": _stream(blocks),
                        "show_in_menus": False,
                    },
                )
                if source is None:
                    source = page

    # -- people -----------------------------------------------------------------------------
    def translator_group(self, code: str, home: HomePage) -> Group:
        name = TRANSLATOR_GROUP_NAMES[code]
        group = (
            Group.objects.filter(name=name).first()
            or Group.objects.filter(name=f"Translators — {LANGUAGE_NAMES[code]}").first()  # a demo loaded before
            or Group(name=name)
        )
        if group.pk is None or group.name != name:
            group.name = name
            group.save()
        group.permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
            Permission.objects.get(content_type__app_label="wagtail_localize", codename="submit_translation"),
        )
        grant_page_permissions(group=group, page=home, kinds=("change",))
        return group

    def user(self, username: str, role: str, *, groups=(), superuser: bool = False) -> None:
        user_model = get_user_model()
        user, created = user_model.objects.get_or_create(
            username=username,
            defaults={"email": f"{username}@weshare.example", "is_staff": superuser, "is_superuser": superuser},
        )
        if created:
            user.set_password(settings.DEMO_PASSWORD)
            user.save()
        user.groups.add(*groups)
        self.result.accounts.append(DemoAccount(username=username, role=role))

    @transaction.atomic
    def build(self) -> DemoResult:
        locales = self.locales()
        countries = {code: self.country(code) for code in COUNTRIES}
        self.load_images()
        home = self.root_home(locales)
        homes = self.homes(home, locales)
        sections = {code: self.section(code, homes, locales, countries[code]) for code in content.SECTIONS}
        self.link_homes(homes, sections)
        self.legal_pages(homes, locales)
        self.user("admin", "administrator (every right)", superuser=True)
        for code, slug in (("FR", "france"), ("ES", "espana")):
            country = countries[code]
            self.user(f"editor.{slug}", f"{country.name}: writes pages", groups=[country.communications_editors])
            self.user(
                f"moderator.{slug}",
                f"{country.name}: reviews and publishes",
                groups=[country.communications_moderators],
            )
        for code in ("en", "es"):
            group = self.translator_group(code, homes[code])
            self.user(f"translator.{code}", f"translates into {LANGUAGE_NAMES[code]}", groups=[group])
        for username, role in build_demo_staff():
            self.result.accounts.append(DemoAccount(username=username, role=role))
        build_demo_files()
        return self.result


#: Pages listed in the menus of their section.
MENU_PAGES = {"section", "hosts", "guests", "about", "faq", "news", "contact", "apply_host", "apply_guest"}

#: The application forms of each section, per language: (kind, slug, title, introduction).
FORM_PAGES = {
    "fr": [
        (
            "host",
            "proposer-une-chambre",
            "Je propose une chambre",
            "<p>Quelques minutes suffisent. Vos réponses sont enregistrées à chaque étape ; l'association de votre "
            "département vous rappelle ensuite pour faire connaissance.</p>",
        ),
        (
            "guest",
            "chercher-une-chambre",
            "Je cherche une chambre",
            "<p>Dites-nous qui vous êtes et ce que vous cherchez. Vos réponses sont enregistrées à chaque étape.</p>",
        ),
    ],
    "en": [
        (
            "host",
            "offer-a-room",
            "Offer a room",
            "<p>It takes a few minutes. Your answers are saved at each step; the association of your area then calls "
            "you to get to know you.</p>",
        ),
        (
            "guest",
            "find-a-room",
            "Find a room",
            "<p>Tell us who you are and what you are looking for. Your answers are saved at each step.</p>",
        ),
    ],
    "es": [
        (
            "host",
            "ofrecer-habitacion",
            "Ofrezco una habitación",
            "<p>Solo le llevará unos minutos. Sus respuestas se guardan en cada paso; después la asociación de su "
            "zona le llamará para conocerle.</p>",
        ),
        (
            "guest",
            "buscar-habitacion",
            "Busco una habitación",
            "<p>Cuéntenos quién es y qué busca. Sus respuestas se guardan en cada paso.</p>",
        ),
    ],
}


def build_demo(*, with_images: bool = True) -> DemoResult:
    return DemoBuilder(with_images=with_images).build()
