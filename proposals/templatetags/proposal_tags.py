from django import template

from proposals.credit import credit_for

register = template.Library()


@register.inclusion_tag("includes/proposal_credit.html")
def proposal_credit(page):
    """ "Proposed by … (…)" on a page made from a public proposal whose proposer consented (``proposals.credit``)."""
    return {"credit": credit_for(page)}
