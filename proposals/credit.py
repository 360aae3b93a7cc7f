"""Who is credited on a published page made from a public proposal: the proposer's name and council, only when they
consented to it (``credit_consent``).

A page and its translations share a translation key, so the Arabic or English version credits the proposer of the
French draft (or the other way round) with the same one query: a join from the proposal to its page, filtered on
that key. It is the only query the credit adds to an experience or tool page (``toolkit/tests/test_query_budget.py``);
it is not worth a column on every page for the few pages proposed from outside.
"""

from home.prepared import prepared
from proposals.models import Proposal


def credit_for(page):
    """``{"name", "council"}`` of the consenting proposer behind ``page`` (any language), or None."""
    if page is None or getattr(page, "translation_key", None) is None:
        return None
    credits = _first_consenting_proposer(page.translation_key)
    return credits[0] if credits else None


@prepared
def _first_consenting_proposer(translation_key):
    """Compiled once per process (``home.prepared``): the same query on every experience and tool page."""
    proposals = Proposal.objects.filter(page__translation_key=translation_key, credit_consent=True)
    return proposals.order_by("created_at").values("proposer_name", "council")[:1]
