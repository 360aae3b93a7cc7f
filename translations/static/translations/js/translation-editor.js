/*
 * The translation editor's actions, as the portal needs them.
 *
 * Adjusts the data wagtail-localize's React editor starts from:
 * - its main action ("Publish in <language>") becomes "Submit for partner approval" for everyone who may edit the
 *   translation: the server saves a draft and starts the workflow instead of publishing (translations/wagtail_hooks);
 * - "Stop synced translation" and "Convert to alias page" are left out for non-editors (the server refuses them).
 * The server enforces all of this; this script only keeps the screen truthful.
 */
(function () {
    'use strict';

    function relabel(editor, config, props) {
        editor.querySelectorAll('button[name="action"][value="publish"]').forEach(function (button) {
            var label = button.querySelector('[data-w-progress-target="label"]');
            if (label && label.textContent !== config.submitLabel) {
                label.textContent = config.submitLabel;
            }
            button.setAttribute('data-w-progress-active-value', config.submittingLabel);
        });
        if (!config.canManage) {
            var stop = '[data-w-action-url-value="' + props.links.stopTranslationUrl + '"]';
            editor.querySelectorAll(stop).forEach(function (button) {
                button.hidden = true;
            });
        }
    }

    function start() {
        var configElement = document.getElementById('portal-translation-editor-config');
        var editor = document.querySelector('.js-translation-editor');
        if (!configElement || !editor) {
            return;
        }
        var config = JSON.parse(configElement.textContent);
        var props = JSON.parse(editor.dataset.props);
        props.perms.canPublish = config.canSubmit;
        props.object.isLocked = props.object.isLocked || config.locked;
        if (!config.canManage) {
            props.links.convertToAliasUrl = null;
        }
        editor.dataset.props = JSON.stringify(props);
        new MutationObserver(function () {
            relabel(editor, config, props);
        }).observe(editor, { childList: true, subtree: true });
    }

    // The admin loads its scripts in the page's head and wagtail-localize starts its editor on DOMContentLoaded.
    // This script is included before wagtail-localize's, so its listener runs first and the editor starts from the
    // adjusted props.
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
})();
