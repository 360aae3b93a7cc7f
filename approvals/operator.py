"""Publication by an operator's command, outside partner approval.

Two commands may publish directly: ``bootstrap_portal`` (the home pages a new site needs) and ``load_demo_content``
(the demonstration content), pages and snippets alike. Both are operator actions run from the shell, never from a
web request; every such publication is recorded in Wagtail's audit log under its own action, naming the command, so
the approvals report can tell it apart from a partner-approved publication.
"""

from wagtail.log_actions import log

from approvals.guard import sanctioned_publication

OPERATOR_PUBLISH_ACTION = "portal.operator_publish"


def publish_as_operator(obj, command, user=None):
    """Publish the latest revision of ``obj`` (a page or a draftable snippet; saving a revision if it has none) and
    log it as ``command``'s doing."""
    revision = obj.get_latest_revision() or obj.save_revision(user=user, log_action=False)
    with sanctioned_publication(f"operator:{command}"):
        revision.publish(user=user, log_action=False)
    obj.refresh_from_db()
    log(instance=obj, action=OPERATOR_PUBLISH_ACTION, user=user, data={"command": command}, revision=revision)
    return obj
