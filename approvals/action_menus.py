"""The editor's submit actions, in the portal's words: one way to submit, one to resubmit, one to withdraw.

Wagtail offers, depending on the state, "Submit to <workflow>", "Resubmit to <task>", "Restart workflow" and "Cancel
workflow". With the portal's single-task workflow, restarting and resubmitting do the same thing, and the workflow's
and task's names say nothing to an editor. For content under partner approval (``approvals.guard``) the stock submit
item is replaced by ``PartnerSubmit*MenuItem`` (same name, same POST, the portal's label), "Restart workflow" is
removed, and "Cancel workflow" reads "Withdraw the submission".

Another app may ask the submit item to say more (the translations app sets ``queued_languages`` and
``submit_value`` on French pages whose translations will be prepared once they are published).
"""

from django.utils.translation import get_language, gettext, gettext_lazy
from wagtail.admin import action_menu as page_menus
from wagtail.snippets import action_menu as snippet_menus

from approvals.guard import is_guarded_model

SUBMIT = "action-submit"
RESTART = "action-restart-workflow"
CANCEL = "action-cancel-workflow"
WITHDRAW_LABEL = gettext_lazy("Withdraw the submission")


class PartnerSubmitMixin:
    template_name = "approvals/submit_menu_item.html"
    queued_languages = ()
    submit_value = ""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        obj = context.get("page") or context.get("instance")
        state = obj.current_workflow_state if obj is not None and obj.pk else None
        if state is not None and state.status == state.STATUS_NEEDS_CHANGES:
            context["label"] = gettext("Resubmit for partner approval")
        elif self.queued_languages:
            names = [str(name) for name in self.queued_languages]
            if get_language() == "fr":
                names = [name.lower() for name in names]  # French writes language names in lower case mid-sentence
            languages = gettext(", ").join(names)
            context["label"] = gettext("Submit for partner approval, then translation into %(languages)s") % {
                "languages": languages
            }
        else:
            context["label"] = gettext("Submit for partner approval")
        context["value"] = self.submit_value or context["label"]
        return context


class PartnerSubmitPageMenuItem(PartnerSubmitMixin, page_menus.SubmitForModerationMenuItem):
    pass


class PartnerSubmitSnippetMenuItem(PartnerSubmitMixin, snippet_menus.SubmitForModerationMenuItem):
    pass


def _in_portal_words(menu_items, obj, model, stock_submit, portal_submit):
    if model is None or not is_guarded_model(model):
        return
    items = []
    for item in menu_items:
        if item.name == RESTART:
            continue  # the same as resubmitting, with a one-task workflow
        if type(item) is stock_submit:
            item = portal_submit(order=item.order)
        elif item.name == CANCEL:
            item.label = WITHDRAW_LABEL
        items.append(item)
    menu_items[:] = items


def page_submit_in_portal_words(menu_items, request, context):
    page = context.get("page") or context.get("parent_page")  # creating: the new page's type is guarded alike
    model = type(page) if page is not None else None
    _in_portal_words(menu_items, page, model, page_menus.SubmitForModerationMenuItem, PartnerSubmitPageMenuItem)


def snippet_submit_in_portal_words(menu_items, request, context):
    _in_portal_words(
        menu_items,
        context.get("instance"),
        context.get("model"),
        snippet_menus.SubmitForModerationMenuItem,
        PartnerSubmitSnippetMenuItem,
    )
