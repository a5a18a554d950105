"""The buurt report as PDF with WeasyPrint, which needs the Pango library of the system. Without
it the HTML report still works and the PDF link says so (503)."""

import logging

logger = logging.getLogger("vbt.inzicht")


def weasyprint_laden():
    """The weasyprint module, or None when it (or Pango under it) cannot be loaded."""
    try:
        import weasyprint
    except (ImportError, OSError):
        logger.warning("WeasyPrint of Pango ontbreekt: geen PDF van het buurtrapport.")
        return None
    return weasyprint


def html_naar_pdf(html: str, *, stylesheets: list[str]) -> bytes | None:
    weasyprint = weasyprint_laden()
    if weasyprint is None:
        return None
    from weasyprint.urls import URLFetcher

    # Only local files and data: URLs; the report never makes the server fetch from a network.
    ophalen = URLFetcher(allowed_protocols=["file", "data"])
    css = [weasyprint.CSS(filename=pad, url_fetcher=ophalen) for pad in stylesheets if pad]
    return weasyprint.HTML(string=html, url_fetcher=ophalen).write_pdf(stylesheets=css)
