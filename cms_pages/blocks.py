"""StreamField blocks of the public pages, as the communications teams compose them."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from .live_figures import LiveFigure

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=250,
        help_text=_("Describe the image for people who cannot see it; leave empty if it is decorative."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "cms_pages/blocks/image.html"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    button_label = blocks.CharBlock(label=_("Button label"), max_length=60)
    link_page = blocks.PageChooserBlock(label=_("Page"), required=False)
    link_url = blocks.URLBlock(label=_("Or address"), required=False)

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "cms_pages/blocks/call_to_action.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("link_page") and not value.get("link_url"):
            raise StructBlockValidationError(
                block_errors={"link_page": ValidationError(_("Choose a page or give an address."))}
            )
        return value


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=250)
    answer = blocks.RichTextBlock(label=_("Answer"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Question and answer")


class FAQBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    items = blocks.ListBlock(FAQItemBlock(), label=_("Questions"))

    class Meta:
        icon = "help"
        label = _("Frequently asked questions")
        template = "cms_pages/blocks/faq.html"


class TestimonialBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    name = blocks.CharBlock(label=_("Name"), max_length=80)
    role = blocks.CharBlock(label=_("Who they are"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Testimonial")
        template = "cms_pages/blocks/testimonial.html"


class KeyFigureBlock(blocks.StructBlock):
    """A figure typed by the editor, or a live figure of the programme counted when the page is shown."""

    figure = blocks.CharBlock(label=_("Figure"), max_length=20, required=False)
    live = blocks.ChoiceBlock(
        label=_("Or a live figure"),
        choices=LiveFigure.choices,
        required=False,
        help_text=_('Counted for the country of this page\'s section; a count under 5 reads "fewer than 5".'),
    )
    label = blocks.CharBlock(label=_("Label"), max_length=120)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("figure")) == bool(value.get("live")):
            message = _("Type a figure or choose a live figure (one of the two).")
            raise StructBlockValidationError(
                block_errors={"figure": ValidationError(message), "live": ValidationError(message)}
            )
        return value


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Figures"), min_num=1, max_num=6)

    class Meta:
        icon = "table"
        label = _("Key figures")
        template = "cms_pages/blocks/key_figures.html"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"))

    class Meta:
        icon = "list-ol"
        label = _("Step")


class ProgrammeRulesBlock(blocks.StructBlock):
    """Who may take part and for how much, printed from the country's settings (never typed by hand)."""

    audience = blocks.ChoiceBlock(
        label=_("For"),
        choices=[("hosts", _("Hosts (seniors)")), ("guests", _("Guests (young people)")), ("both", _("Both"))],
        default="both",
    )

    class Meta:
        icon = "list-ul"
        label = _("Conditions of the programme")
        template = "cms_pages/blocks/programme_rules.html"
        help_text = _("Ages and contribution come from the country's settings, as the application form checks them.")


class ContentBlocks(blocks.StreamBlock):
    """The blocks of a standard content page's body."""

    heading = blocks.CharBlock(label=_("Heading"), form_classname="title", template="cms_pages/blocks/heading.html")
    paragraph = blocks.RichTextBlock(label=_("Rich text"), features=RICH_TEXT_FEATURES)
    image = ImageBlock()
    call_to_action = CallToActionBlock()
    faq = FAQBlock()
    testimonial = TestimonialBlock()
    key_figures = KeyFiguresBlock()
    programme_rules = ProgrammeRulesBlock()

    class Meta:
        required = False
