"""Blocks that place the Check Up Integration's own data in a page body."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from pages.blocks import CONTENT_BLOCKS


class CheckUpTimelineBlock(blocks.StaticBlock):
    """Places the process timeline (edited under Check Up Integration → Zeitleiste)."""

    class Meta:
        icon = "date"
        label = _("Zeitleiste des Check Up Integration")
        admin_text = _("Zeigt die Schritte aus „Check Up Integration → Zeitleiste“.")
        template = "integration_checkup/blocks/timeline_block.html"


class CheckUpProgressBlock(blocks.StaticBlock):
    """Places the table of measures per field of action and status."""

    class Meta:
        icon = "table"
        label = _("Stand der Maßnahmen")
        admin_text = _(
            "Zeigt, wie viele Maßnahmen je Handlungsfeld in welchem Stand sind."
        )
        template = "integration_checkup/blocks/progress_block.html"


CHECKUP_BLOCKS = [
    *CONTENT_BLOCKS,
    ("checkup_timeline", CheckUpTimelineBlock()),
    ("checkup_progress", CheckUpProgressBlock()),
]
