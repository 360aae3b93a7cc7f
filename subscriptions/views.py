"""The public side of subscriptions: subscribe, confirm, manage, unsubscribe (``/<lang>/subscribe/...``).

None of these answers is kept by the page cache or any other cache (``never_cache`` marks them private, which
``pagecache.rules.is_public`` refuses): the forms carry a CSRF token, and the pages reached from a signed link show
one person's subscription.

What a visitor is told never depends on whether an address is subscribed: a valid request is always answered
"check your inbox" and always sends the same confirmation (rate-limited), so the form cannot be used to learn who
subscribed. Refusals say why, with a 4xx: a form error (400), a robot's honeypot (400), too many attempts (429), a
forged or expired link (400), a link whose subscription no longer exists (404).
"""

from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from subscriptions import throttle
from subscriptions.forms import PreferencesForm, SubscribeForm
from subscriptions.messages import send_confirmation
from subscriptions.models import Subscriber
from subscriptions.tokens import Expired, read_confirmation, read_subscriber, subscriber_token

METHODS = ["GET", "HEAD", "POST"]


def notice(request, status, title, text, link=True):
    """A short page that says what happened (and, if ``link``, offers the form again)."""
    context = {"title": title, "text": text, "offer_form": link}
    return render(request, "subscriptions/notice.html", context, status=status)


def too_many(request, seconds):
    response = notice(
        request,
        429,
        _("Too many attempts"),
        _("Too many subscription requests came from here or for this address. Please try again later."),
        link=False,
    )
    response["Retry-After"] = str(seconds)
    return response


def bad_link(request):
    return notice(
        request,
        400,
        _("This link is not valid"),
        _("The link is incomplete or was altered. Copy the whole link from the message, or subscribe again."),
    )


def gone(request):
    return notice(
        request,
        404,
        _("No subscription for this link"),
        _("This subscription was cancelled, or the link belongs to an older message. You can subscribe again."),
    )


@never_cache
@require_http_methods(METHODS)
def subscribe(request):
    language = translation.get_language()
    form = SubscribeForm(request.POST or None, language=language)
    if request.method != "POST":
        return render(request, "subscriptions/subscribe.html", {"form": form})
    if form.is_robot():
        return notice(request, 400, _("Request refused"), _("This request looks automated and was not processed."))
    if not throttle.allow_client(request):
        return too_many(request, throttle.per_client()[1])
    if not form.is_valid():
        return render(request, "subscriptions/subscribe.html", {"form": form}, status=400)
    request_data = form.request_data()
    if not throttle.allow_address(request_data["email"]):
        return too_many(request, throttle.per_address()[1])
    send_confirmation(request_data)
    return redirect("subscriptions:sent", permanent=False)


@never_cache
@require_http_methods(["GET", "HEAD"])
def sent(request):
    return notice(
        request,
        200,
        _("Check your inbox"),
        _(
            "If the address is correct, a message with a confirmation link is on its way. Your subscription starts "
            "when you follow that link, within three days. Nothing is kept until then."
        ),
        link=False,
    )


@never_cache
@require_http_methods(METHODS)
def confirm(request, token):
    """GET shows a button, POST confirms: a link scanner that opens the link subscribes nobody."""
    try:
        request_data = read_confirmation(token)
    except Expired:
        return notice(
            request, 400, _("This link has expired"), _("Confirmation links last three days. Please subscribe again.")
        )
    if request_data is None:
        return bad_link(request)
    if request.method != "POST":
        return render(request, "subscriptions/confirm.html", {"email": request_data["email"]})
    preferences = {name: request_data.get(name) or [] for name in ("page_types", "themes", "regions")}
    with transaction.atomic():
        subscriber, _created = Subscriber.objects.update_or_create(
            email=request_data["email"],
            defaults={**preferences, "language": request_data["language"], "confirmed_at": timezone.now()},
        )
    return render(request, "subscriptions/confirmed.html", {"manage_token": subscriber_token(subscriber)})


@never_cache
@require_http_methods(METHODS)
def manage(request, token):
    """Change the language and filters, or cancel (which deletes the address and what was sent to it)."""
    with transaction.atomic():
        subscriber = read_subscriber(token, lock=request.method == "POST")
        if subscriber is None:
            return gone(request)
        if request.method == "POST" and "cancel" in request.POST:
            subscriber.delete()
            return notice(request, 200, _("Subscription cancelled"), _("Your address and your choices are deleted."))
        initial = {
            "language": subscriber.language,
            "page_types": subscriber.page_types,
            "themes": subscriber.themes,
            "regions": subscriber.regions,
        }
        form = PreferencesForm(request.POST or None, initial=initial, language=translation.get_language())
        saved = False
        if request.method == "POST":
            if not form.is_valid():
                context = {"form": form, "subscriber": subscriber, "token": token}
                return render(request, "subscriptions/manage.html", context, status=400)
            for name, value in form.preferences().items():
                setattr(subscriber, name, value)
            subscriber.save()
            saved = True
    return render(
        request, "subscriptions/manage.html", {"form": form, "subscriber": subscriber, "token": token, "saved": saved}
    )


@csrf_exempt  # RFC 8058: mail clients POST here without a CSRF token; the signed token authenticates the request
@never_cache
@require_http_methods(METHODS)
def unsubscribe(request, token):
    """One-click unsubscribe: a POST unsubscribes; a GET only shows the button (link scanners open links)."""
    with transaction.atomic():
        subscriber = read_subscriber(token, lock=request.method == "POST")
        if subscriber is None:
            return gone(request)
        if request.method != "POST":
            return render(request, "subscriptions/unsubscribe.html", {"email": subscriber.email})
        subscriber.delete()
    return notice(request, 200, _("You are unsubscribed"), _("Your address and your choices are deleted."))
