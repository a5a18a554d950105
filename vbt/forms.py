"""Form plumbing the apps share."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout


def helper(*layout) -> FormHelper:
    """A crispy helper for a form rendered inside the page's own <form> (which carries the
    CSRF token), optionally with a layout."""
    vorm = FormHelper()
    vorm.form_tag = False
    vorm.disable_csrf = True
    if layout:
        vorm.layout = Layout(*layout)
    return vorm
