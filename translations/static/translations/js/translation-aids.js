/*
 * "Use as a starting point" in the translation memory panel under the translation editor
 * (translations/templates/translations/includes/translation_aids.html).
 *
 * Without this script the panel still shows every suggestion, to read or copy; its buttons stay hidden. With it, a
 * click saves the suggestion as the string's translation through wagtail-localize's own string API (the same PUT
 * its editor sends, under the same server rules), then reloads the page so the editor shows it, ready to be edited.
 * The page is not reloaded while a string is open in the editor, so nothing being typed is lost.
 */
(function () {
    'use strict';

    function csrfToken() {
        var input = document.querySelector('.js-translation-editor input[name="csrfmiddlewaretoken"]');
        return input ? input.value : '';
    }

    function editing() {
        return document.querySelector('.js-translation-editor textarea') !== null;
    }

    function use(button, panel) {
        var status = button.parentNode.querySelector('.portal-aids__status');
        button.disabled = true;
        fetch(button.dataset.url, {
            method: 'PUT',
            credentials: 'same-origin',
            headers: {
                'Content-Type': 'application/x-www-form-urlencoded',
                'X-CSRFToken': csrfToken(),
            },
            body: new URLSearchParams({ value: button.dataset.value }).toString(),
        })
            .then(function (response) {
                if (!response.ok) {
                    return response.json().then(
                        function (body) {
                            throw new Error(body.error_message || body.detail || response.statusText);
                        },
                        function () {
                            throw new Error(response.statusText || String(response.status));
                        }
                    );
                }
                if (editing()) {
                    status.textContent = panel.dataset.savedEditingMessage;
                    return;
                }
                status.textContent = panel.dataset.savedMessage;
                window.location.reload();
            })
            .catch(function (error) {
                status.textContent = panel.dataset.errorMessage + ' ' + error.message;
                button.disabled = false;
            });
    }

    function start() {
        var panel = document.querySelector('[data-portal-aids]');
        if (!panel || !window.fetch) {
            return;
        }
        panel.querySelectorAll('[data-portal-use-suggestion]').forEach(function (button) {
            button.hidden = false;
            button.addEventListener('click', function () {
                use(button, panel);
            });
        });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
})();
