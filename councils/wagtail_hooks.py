"""The councils' place in the admin: a council contributor's dashboard on the admin home (``councils.dashboard``)."""

from wagtail import hooks

from councils.dashboard import council_panel_for


@hooks.register("construct_homepage_panels")
def add_council_dashboard(request, panels):
    panel = council_panel_for(request.user)
    if panel is not None:
        panels.insert(0, panel)
