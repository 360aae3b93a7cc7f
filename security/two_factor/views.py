"""The 2FA pages: the code page after a password, enrolment, recovery codes, the account's 2FA page, and a
superuser's reset of someone else's second factor. Each change goes to the security log (security/audit.py)."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice

from security import audit
from security.two_factor import devices, rules
from security.two_factor.forms import CodeForm

NEW_CODES_SESSION_KEY = "portal_2fa_new_recovery_codes"


def _next_url(request):
    """Where to go once verified: the page asked for, when it is on this site, else the dashboard."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def _verified(request, device):
    """The session has passed its second factor: a new session key (the privilege changed) and django-otp's mark."""
    request.session.cycle_key()
    otp_login(request, device)


@never_cache
@sensitive_post_parameters("code")
def verify(request):
    """After the password: a code from the app, or a recovery code (used up)."""
    user = request.user
    if user.is_verified():
        return redirect(_next_url(request))
    if not rules.has_device(user):
        return redirect(reverse("portal_2fa_enrol") if rules.is_required(user) else _next_url(request))
    form = CodeForm(request.POST or None, check=lambda code: devices.verify(user, code))
    if request.method == "POST":
        if form.is_valid():
            _verified(request, form.device)
            method = "recovery code" if isinstance(form.device, StaticDevice) else "app"
            data = {"method": method}
            if method == "recovery code":
                data["recovery_codes_left"] = devices.recovery_codes_left(user)
            audit.record(audit.TWO_FACTOR_VERIFIED, user=user, request=request, **data)
            if method == "recovery code":
                messages.warning(
                    request,
                    _("You used a recovery code; %(count)d left. Make new ones from your account's two-factor page.")
                    % {"count": data["recovery_codes_left"]},
                )
            return redirect(_next_url(request))
        audit.record(audit.TWO_FACTOR_FAILED, user=user, request=request, reason=form.errors.as_data()["code"][0].code)
    return TemplateResponse(request, "security/two_factor/verify.html", {"form": form, "next": _next_url(request)})


@never_cache
@sensitive_post_parameters("code")
def enrol(request):
    """Scan the QR code (or type the secret), confirm with a first code, then see the recovery codes once."""
    user = request.user
    if rules.has_device(user):
        return redirect("portal_2fa_account")
    device = devices.pending_authenticator(user)
    form = CodeForm(
        request.POST or None, check=lambda code: device if devices.confirm_authenticator(device, code) else None
    )
    if request.method == "POST" and form.is_valid():
        _verified(request, device)
        request.session[NEW_CODES_SESSION_KEY] = devices.new_recovery_codes(user)
        audit.record(audit.TWO_FACTOR_ENROLLED, user=user, request=request)
        return redirect(f"{reverse('portal_2fa_recovery_codes')}?{urlencode({'next': _next_url(request)})}")
    context = {
        "form": form,
        "qr_code": devices.qr_code_data_uri(device),
        "secret": devices.secret_text(device),
        "required": rules.is_required(user),
        "next": _next_url(request),
    }
    return TemplateResponse(request, "security/two_factor/enrol.html", context)


@never_cache
def recovery_codes(request):
    """The recovery codes just made, shown once (they leave the session as they are shown); POST makes new ones."""
    user = request.user
    if not rules.has_device(user):
        return redirect("portal_2fa_account")
    if request.method == "POST":
        request.session[NEW_CODES_SESSION_KEY] = devices.new_recovery_codes(user)
        audit.record(audit.TWO_FACTOR_RECOVERY_CODES, user=user, request=request)
        return redirect("portal_2fa_recovery_codes")
    codes = request.session.pop(NEW_CODES_SESSION_KEY, None)
    context = {"codes": codes, "left": devices.recovery_codes_left(user), "next": _next_url(request)}
    return TemplateResponse(request, "security/two_factor/recovery_codes.html", context)


@never_cache
def account(request):
    """The account's two-factor page (account menu): whether it is on, recovery codes left, what can be done."""
    user = request.user
    context = {
        "enrolled": rules.has_device(user),
        "required": rules.is_required(user),
        "left": devices.recovery_codes_left(user),
    }
    return TemplateResponse(request, "security/two_factor/account.html", context)


@require_POST
def remove(request):
    """Turn one's own second factor off; refused to those who must have one (a superuser can reset it for them)."""
    user = request.user
    if rules.is_required(user):
        messages.error(request, _("Your account must have two-factor authentication: it cannot be turned off."))
        return redirect("portal_2fa_account")
    removed = devices.remove_all(user)
    if removed:
        audit.record(audit.TWO_FACTOR_REMOVED, user=user, request=request, devices_removed=removed)
        messages.success(request, _("Two-factor authentication is off for your account."))
    return redirect("portal_2fa_account")


@never_cache
def reset(request, user_id):
    """A superuser removes someone's authenticator and recovery codes (a lost phone); they enrol again at their next
    sign-in if they must have a second factor."""
    if not request.user.is_superuser:
        raise PermissionDenied
    account = get_object_or_404(get_user_model(), pk=user_id)
    if request.method == "POST":
        removed = devices.remove_all(account)
        audit.record(
            audit.TWO_FACTOR_RESET, user=request.user, account=account, request=request, devices_removed=removed
        )
        messages.success(request, _("Two-factor authentication reset for %(name)s.") % {"name": account.get_username()})
        return redirect("wagtailusers_users:index")
    context = {"account": account, "enrolled": rules.has_device(account), "left": devices.recovery_codes_left(account)}
    return TemplateResponse(request, "security/two_factor/reset.html", context)
