"""An editor whose change restarts a review is told so in the editor (the rule: approvals.workflow)."""

import html

import pytest
from django.utils import translation as i18n

from approvals.tests.helpers import current_task_state, decide, post_edit, submit
from approvals.workflow import restart_message

pytestmark = pytest.mark.django_db


def messages_of(response):
    return [html.unescape(str(message)).strip() for message in response.wsgi_request._messages]


def restarted_in_french():
    with i18n.override("fr"):
        return restart_message()


def test_an_editors_save_during_review_says_the_review_restarted(clients, article):
    submit(clients["editor"], article)
    decide(clients["dgct"], article)
    reviewed = current_task_state(article)

    response = post_edit(clients["editor"], article, body="Texte corrigé pendant la relecture.")

    assert current_task_state(article).pk != reviewed.pk
    assert restarted_in_french() in messages_of(response)


def test_a_save_outside_review_says_nothing_of_a_restart(clients, article):
    response = post_edit(clients["editor"], article, body="Texte corrigé avant soumission.")
    assert response.status_code == 302
    assert restarted_in_french() not in messages_of(response)
