"""Public forms in KERN UX style, with hints and errors tied to their inputs."""

WIDGET_CLASSES = {
    "checkbox": "kern-form-check__checkbox",
    "select": "kern-form-input__select",
}


class KernFormMixin:
    """Gives every widget its KERN class. Django itself links the hint
    (``<id>_helptext``) and the error (``<id>_error``) through
    ``aria-describedby`` and marks invalid fields with ``aria-invalid``;
    ``templates/components/form_field.html`` renders those ids."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for bound_field in self:
            widget = bound_field.field.widget
            css_class = WIDGET_CLASSES.get(
                bound_field.widget_type, "kern-form-input__input"
            )
            widget.attrs["class"] = css_class
