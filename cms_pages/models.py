"""Page types of the public site.

The tree, per language: HomePage → CountryPage (one national programme, edited by that
country's communications team) → content pages (how it works for hosts and for guests, FAQ,
news, contact, standard pages). Every page carries meta/OpenGraph fields and breadcrumbs, and
offers its other languages through the switcher and ``hreflang`` alternates.
"""

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.search import index

from translations.languages import language_links

from . import application_form_views
from .blocks import RICH_TEXT_FEATURES, ContentBlocks, StepBlock
from .cache import cached_fragment


def image_field(verbose_name, **kwargs) -> models.ForeignKey:
    """An optional image of a page; the page stays when the image is deleted."""
    return models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        **kwargs,
    )


def _rendition(image_id: int, spec: str):
    image = get_image_model().objects.filter(pk=image_id).first()
    return image.get_rendition(spec) if image is not None else None


def rendition_url(image_id: int, spec: str, *, request=None) -> str:
    """The address of an image's rendition, remembered per content generation (an image's edit bumps it)."""

    def compute():
        rendition = _rendition(image_id, spec)
        return rendition.url if rendition is not None else None

    return cached_fragment(("rendition-url", image_id, spec), compute, request) or ""


def rendition_tag(image_id: int, spec: str, attrs: tuple[tuple[str, str], ...], *, request=None) -> str:
    """The ``<img>`` element Wagtail's ``{% image %}`` tag writes, remembered like ``rendition_url``."""

    def compute():
        rendition = _rendition(image_id, spec)
        return rendition.img_tag(dict(attrs)) if rendition is not None else None

    return cached_fragment(("rendition-tag", image_id, spec, attrs), compute, request) or ""


class PublicPageMixin(models.Model):
    """Fields and context every public page shares: OpenGraph image, breadcrumbs, languages."""

    og_image = image_field(
        _("social sharing image"), help_text=_("Shown when the page is shared on social networks (1200×630).")
    )

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["language_links"] = self.cached_language_links(request)
        context["breadcrumbs"] = cached_fragment(("breadcrumbs", self.pk), self._breadcrumb_links, request)
        context["navigation"] = self.navigation(request)
        url = cached_fragment(("url", self.pk), lambda: self.url, request)
        context["canonical_url"] = request.build_absolute_uri(url) if url else None
        if self.og_image_id:
            context["og_image_url"] = request.build_absolute_uri(
                rendition_url(self.og_image_id, "fill-1200x630", request=request)
            )
        return context

    def get_view_restrictions(self):
        """Wagtail's check, with the ids of the restrictions that apply remembered per content generation.

        Only restrictions found then are read again (none for a public page); adding or removing
        one bumps the generation (see signal_handlers).
        """
        ids = cached_fragment(
            ("restrictions", self.pk),
            lambda: tuple(super(PublicPageMixin, self).get_view_restrictions().values_list("pk", flat=True)),
        )
        if not ids:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(pk__in=ids)

    def cached_language_links(self, request):
        site = Site.find_for_request(request) or self.get_site()

        def compute():
            root = site.root_page if site else None
            return tuple(language_links(page=self, root_page=root, request=request))

        key = ("languages", self.pk, site.pk if site else 0, request.scheme, request.get_host())
        return cached_fragment(key, compute, request)

    def breadcrumbs(self) -> list[Page]:
        """The pages from the home page down to this page's parent."""
        return list(self.get_ancestors().filter(depth__gte=2))

    def _breadcrumb_links(self) -> tuple[dict, ...]:
        return tuple({"title": p.title, "url": p.url} for p in self.breadcrumbs())

    def section(self):
        """The national programme section this page belongs to, if any."""
        if isinstance(self, CountryPage):
            return self
        return CountryPage.objects.ancestor_of(self).first()

    def navigation(self, request=None) -> dict:
        """Main menu (the home's sections) and the current section's pages; cached per content state."""
        return cached_fragment(("navigation", self.pk), self._navigation, request)

    def _navigation(self) -> dict:
        home = self if self.depth == 2 else self.get_ancestors().filter(depth=2).first()
        sections = ()
        if home is not None:
            sections = tuple(
                {"title": p.title, "url": p.url, "pk": p.pk}
                for p in home.get_children().live().in_menu().order_by("path")
            )
        section = self.section()
        section_pages = ()
        if section is not None:
            section_pages = tuple(
                {"title": p.title, "url": p.url, "pk": p.pk}
                for p in section.get_children().live().in_menu().order_by("path")
            )
        return {
            "home": {"title": home.title, "url": home.url} if home is not None else None,
            "sections": sections,
            "section": {"title": section.title, "url": section.url, "pk": section.pk} if section else None,
            "section_pages": section_pages,
        }


def programme_rules(page, request=None) -> dict | None:
    """The rules of the country whose section holds ``page`` (ages, contribution), as pages print them.

    Read from the country's settings, which the application forms check too, so a page and its
    form never disagree. Remembered per content state (editing a country purges it).
    """

    def compute():
        section = page.section() if isinstance(page, PublicPageMixin) else None
        if section is None:
            return None
        country = section.country
        return {
            "country": country.name,
            "host_min_age": country.host_min_age,
            "guest_min_age": country.guest_min_age,
            "guest_max_age": country.guest_max_age,
            "min_contribution": country.min_contribution,
            "max_contribution": country.max_contribution,
            "currency": country.currency,
            "notice_period_days": country.notice_period_days,
            "minimum_stay_days": country.minimum_stay_days,
        }

    return cached_fragment(("programme-rules", page.pk), compute, request)


class BasePage(PublicPageMixin, Page):
    """A public page of the site."""

    promote_panels = [*Page.promote_panels, FieldPanel("og_image")]

    class Meta:
        abstract = True


class HomePage(BasePage):
    """The home page of one language: explains the programme to seniors and to young people."""

    hero_title = models.CharField(_("headline"), max_length=150)
    hero_intro = models.TextField(_("introduction"), blank=True)
    hero_image = image_field(_("image"))
    countries_title = models.CharField(_("heading of the national programmes"), max_length=150, blank=True)
    coming_soon = models.TextField(_("text when no programme runs in this language yet"), blank=True, max_length=400)
    body = StreamField(ContentBlocks(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("hero_title"),
        FieldPanel("hero_intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("countries_title"), FieldPanel("coming_soon")], heading=_("National programmes")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("hero_intro"), index.SearchField("body")]
    api_fields = [
        APIField("hero_title"),
        APIField("hero_intro"),
        APIField("hero_image"),
        APIField("hero_image_rendition", serializer=ImageRenditionField("fill-1200x600", source="hero_image")),
        APIField("body"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cms_pages.CountryPage", "cms_pages.StandardPage", "cms_pages.LegalPage"]
    max_count_per_parent = None

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.hero_image_id:
            context["hero_image"] = rendition_tag(
                self.hero_image_id, "fill-720x480|format-webp", (("alt", ""), ("loading", "eager")), request=request
            )
        site = Site.find_for_request(request)
        key = ("home-sections", self.pk, site.pk if site else 0)
        context["sections"] = cached_fragment(key, lambda: self._sections(request), request)
        return context

    def _sections(self, request) -> tuple[dict, ...]:
        """Every country's programme, in this home's language or else in the nearest one that has it.

        A visitor of any language thus finds every programme and its application forms, even
        where no team has translated the section yet.
        """
        homes = HomePage.objects.filter(translation_key=self.translation_key, depth=self.depth)
        under_a_home = models.Q(pk__in=[])
        for home_path in homes.values_list("path", flat=True):
            under_a_home |= models.Q(path__startswith=home_path)
        candidates = (
            CountryPage.objects.live()
            .public()
            .filter(under_a_home, depth=self.depth + 1)
            .select_related("locale", "country")
            .order_by("path")
        )
        preference = language_preference(self.locale.language_code)
        chosen: dict[int, CountryPage] = {}
        for page in candidates:
            current = chosen.get(page.country_id)
            if current is None or preference(page) < preference(current):
                chosen[page.country_id] = page
        forms: dict[str, list] = {}
        if chosen:
            under_a_section = models.Q(pk__in=[])
            for page in chosen.values():
                under_a_section |= models.Q(path__startswith=page.path)
            for form in ApplicationFormPage.objects.live().public().filter(under_a_section, depth=self.depth + 2):
                forms.setdefault(form.path[: -Page.steplen], []).append(form)
        sections = []
        for page in sorted(chosen.values(), key=lambda p: p.title.casefold()):
            language = page.locale.language_code
            sections.append(
                {
                    "title": page.title,
                    "intro": page.intro,
                    "url": page.get_url(request),
                    "phone": page.phone,
                    "opening_hours": page.opening_hours,
                    "language": "" if language == self.locale.language_code else language,
                    "forms": tuple(
                        {"title": f.title, "url": f.get_url(request), "kind": f.kind}
                        for f in sorted(forms.get(page.path, ()), key=lambda f: f.kind != "host")
                    ),
                }
            )
        return tuple(sections)


def language_preference(language_code: str):
    """Orders a page's translations for a visitor of ``language_code``: theirs, English, the site's default, any."""
    order = [language_code, "en", settings.LANGUAGE_CODE]

    def rank(page) -> int:
        code = page.locale.language_code
        return order.index(code) if code in order else len(order)

    return rank


class CountryPage(BasePage):
    """A national programme's section of the site, edited only by that country's team."""

    country = models.ForeignKey(
        "workflow.Country", verbose_name=_("country"), on_delete=models.PROTECT, related_name="+"
    )
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(ContentBlocks(), verbose_name=_("body"), blank=True)
    phone = models.CharField(
        _("phone"), max_length=40, blank=True, help_text=_("The number the home pages show for this programme.")
    )
    opening_hours = models.CharField(
        _("opening hours"), max_length=150, blank=True, help_text=_("For example: Monday to Friday, 9 am to 5 pm.")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("country"),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("phone"), FieldPanel("opening_hours")])], heading=_("How to reach us")
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    api_fields = [
        APIField("country"),
        APIField("intro"),
        APIField("body"),
        APIField("phone"),
        APIField("opening_hours"),
    ]
    parent_page_types = ["cms_pages.HomePage"]
    subpage_types = [
        "cms_pages.StandardPage",
        "cms_pages.HowItWorksPage",
        "cms_pages.FAQPage",
        "cms_pages.NewsIndexPage",
        "cms_pages.ContactPage",
        "cms_pages.ApplicationFormPage",
    ]

    class Meta:
        verbose_name = _("national programme")
        verbose_name_plural = _("national programmes")


class StandardPage(BasePage):
    """A content page composed of blocks: text, images, calls to action, FAQ, testimonials, figures."""

    intro = models.TextField(_("introduction"), blank=True)
    image = image_field(_("image"))
    body = StreamField(ContentBlocks(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("image"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("intro"), APIField("image"), APIField("body")]
    subpage_types = ["cms_pages.StandardPage"]

    class Meta:
        verbose_name = _("content page")


class LegalPageKind(models.TextChoices):
    PRIVACY = "privacy", _("Privacy notice")
    LEGAL_NOTICE = "legal-notice", _("Legal notice")
    ACCESSIBILITY = "accessibility", _("Accessibility statement")
    COOKIES = "cookies", _("Cookie statement")


class LegalPage(BasePage):
    """A notice the law asks of a public service (privacy, legal notice, accessibility, cookies).

    One of each kind per language, under the home page; the footer of every page links them,
    and the application forms link the privacy notice next to their consent box.
    """

    kind = models.CharField(_("kind"), max_length=20, choices=LegalPageKind.choices)
    last_updated = models.DateField(_("last updated"), default=timezone.localdate)
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(ContentBlocks(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("last_updated")]),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("kind"), APIField("last_updated"), APIField("intro"), APIField("body")]
    parent_page_types = ["cms_pages.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("legal notice page")
        verbose_name_plural = _("legal notice pages")


def legal_links(language_code: str, request=None) -> tuple[dict, ...]:
    """The live legal pages of a language, in the order the footer shows them; remembered per content state."""

    def compute():
        order = list(LegalPageKind.values)
        pages = LegalPage.objects.live().public().filter(locale__language_code=language_code)
        found = {}
        for page in pages.order_by("path"):
            found.setdefault(page.kind, {"kind": page.kind, "title": page.title, "url": page.url})
        return tuple(sorted(found.values(), key=lambda link: order.index(link["kind"])))

    return cached_fragment(("legal-links", language_code), compute, request)


def legal_url(language_code: str, kind: str, request=None) -> str:
    """The address of a language's legal page of ``kind`` (the default language's if it has none), or ""."""
    for code in (language_code, settings.LANGUAGE_CODE):
        for link in legal_links(code, request):
            if link["kind"] == kind:
                return link["url"]
    return ""


class Audience(models.TextChoices):
    HOSTS = "hosts", _("Hosts (seniors)")
    GUESTS = "guests", _("Guests (young people)")


class HowItWorksPage(BasePage):
    """How the programme works, step by step, for hosts or for guests."""

    audience = models.CharField(_("for"), max_length=10, choices=Audience.choices)
    intro = models.TextField(_("introduction"), blank=True)
    image = image_field(_("image"))
    steps = StreamField([("step", StepBlock())], verbose_name=_("steps"), blank=True)
    body = StreamField(ContentBlocks(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("audience"),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("steps"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("steps"),
        index.SearchField("body"),
        index.FilterField("audience"),
    ]
    api_fields = [APIField("audience"), APIField("intro"), APIField("image"), APIField("steps"), APIField("body")]
    parent_page_types = ["cms_pages.CountryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("how-it-works page")

    @property
    def form_kind(self) -> str:
        return "host" if self.audience == Audience.HOSTS else "guest"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["application_form"] = cached_fragment(("application-form", self.pk), self._application_form, request)
        return context

    def _application_form(self) -> dict | None:
        """The form of this section that this page's readers fill in (hosts: the host form)."""
        form = ApplicationFormPage.objects.sibling_of(self).live().public().filter(kind=self.form_kind).first()
        return {"title": form.title, "url": form.url} if form is not None else None


class FAQPage(BasePage):
    """Frequently asked questions of a national programme."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(ContentBlocks(), verbose_name=_("questions"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("intro"), APIField("body")]
    parent_page_types = ["cms_pages.CountryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("FAQ page")


#: The rendition of an article's image on the news index (kept in step with the template).
CARD_RENDITION = "fill-640x400|format-webp"


class NewsIndexPage(BasePage):
    """The news of a national programme, newest first, ten a page."""

    intro = models.TextField(_("introduction"), blank=True)
    per_page = 10

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]
    parent_page_types = ["cms_pages.CountryPage"]
    subpage_types = ["cms_pages.NewsArticlePage"]

    class Meta:
        verbose_name = _("news index")

    def articles(self):
        return (
            NewsArticlePage.objects.child_of(self)
            .live()
            .public()
            .select_related("image")
            .prefetch_related(
                Prefetch(
                    "image__renditions",
                    queryset=get_image_model().get_rendition_model().objects.filter(filter_spec=CARD_RENDITION),
                )
            )
            .order_by("-date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.articles(), self.per_page)
        try:
            page_obj = paginator.page(request.GET.get("page") or 1)
        except PageNotAnInteger:
            page_obj = paginator.page(1)
        except EmptyPage:
            page_obj = paginator.page(paginator.num_pages)
        context["articles"] = page_obj
        return context


class NewsArticlePage(BasePage):
    """A news article."""

    date = models.DateField(_("date"), default=timezone.localdate)
    intro = models.TextField(_("introduction"), blank=True)
    image = image_field(_("image"))
    body = StreamField(ContentBlocks(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    api_fields = [APIField("date"), APIField("intro"), APIField("image"), APIField("body")]
    parent_page_types = ["cms_pages.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")


class ContactFormField(AbstractFormField):
    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")


class ContactPage(PublicPageMixin, AbstractEmailForm):
    """Contact details of a national programme and a message form."""

    intro = models.TextField(_("introduction"), blank=True)
    address = models.TextField(_("postal address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    thank_you_text = RichTextField(_("thank-you message"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [
        *AbstractEmailForm.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldRowPanel([FieldPanel("phone"), FieldPanel("email")])],
            heading=_("Contact details"),
        ),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Email"),
        ),
    ]
    promote_panels = [*AbstractEmailForm.promote_panels, FieldPanel("og_image")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("address"), APIField("phone"), APIField("email")]
    parent_page_types = ["cms_pages.CountryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("contact page")

    def serve(self, request, *args, **kwargs):
        from accounts.throttle import refused, too_many

        if too_many(request, "contact-form"):
            return refused(request)
        return super().serve(request, *args, **kwargs)


class ApplicationFormPage(RoutablePageMixin, BasePage):
    """The public form through which seniors or young people apply, step by step.

    Editors place it in a national section and write its introduction; the steps, the rules
    and what happens to the file belong to :mod:`workflow`. Answers are saved at each step
    (the file stays a draft), and the file reaches the association once the applicant has
    confirmed their email address through the link they receive.
    """

    kind = models.CharField(_("for"), max_length=10, choices=[("host", _("hosts")), ("guest", _("guests"))])
    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    done_text = RichTextField(_("message once the application is sent"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("kind"), FieldPanel("intro"), FieldPanel("done_text")]
    api_fields = [APIField("kind"), APIField("intro")]
    parent_page_types = ["cms_pages.CountryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("application form")

    def session_key(self) -> str:
        return f"weshare-application-{self.pk}"

    def country(self):
        section = self.section()
        return section.country if section else None

    @path("")
    def first_step(self, request):
        return application_form_views.step(self, request, 1)

    @path("step/<int:number>/")
    def later_step(self, request, number):
        return application_form_views.step(self, request, number)

    @path("sent/")
    def sent(self, request):
        return application_form_views.sent(self, request)

    @path("confirm/<str:token>/")
    def confirm(self, request, token):
        return application_form_views.confirm(self, request, token)
