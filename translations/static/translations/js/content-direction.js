/*
 * Content direction in the admin's editors.
 *
 * The admin's own direction follows the user's interface language; the content's follows the language it is
 * written in. The server tells this script the content's language (data-content-lang, data-content-dir on the
 * <script> tag) and where the content inputs are (data-content-scope: the page form, or the translation editor).
 * Every text input, text area and rich-text editable in that scope gets lang and dir, including those added later
 * (StreamField blocks, the translation editor's React inputs). Labels and help texts keep the admin's direction.
 */
(function () {
    'use strict';

    var script = document.currentScript;
    if (!script) {
        return;
    }
    var lang = script.dataset.contentLang;
    var dir = script.dataset.contentDir;
    var scopeSelector = script.dataset.contentScope;
    var INPUTS = 'input[type="text"], input:not([type]), textarea, [contenteditable="true"]';
    // Inputs that hold no prose: dates, colours, slugs of choosers, the comment box (written in the admin language).
    var SKIP = '[data-controller~="w-date"], .w-field--date_field, .w-field--date_time_field, .w-field--time_field, ' +
        '[data-comment-add], .comment, .w-comments';

    function mark(element) {
        if (element.closest(SKIP) || element.getAttribute('lang') === lang) {
            return;
        }
        element.setAttribute('lang', lang);
        element.setAttribute('dir', dir);
    }

    function markAll(root) {
        if (root.matches && root.matches(INPUTS)) {
            mark(root);
        }
        if (root.querySelectorAll) {
            root.querySelectorAll(INPUTS).forEach(mark);
        }
    }

    function start() {
        var scope = document.querySelector(scopeSelector);
        if (!scope || !lang || !dir) {
            return;
        }
        scope.setAttribute('data-content-lang', lang);
        scope.setAttribute('data-content-dir', dir);
        markAll(scope);
        new MutationObserver(function (mutations) {
            mutations.forEach(function (mutation) {
                mutation.addedNodes.forEach(markAll);
            });
        }).observe(scope, { childList: true, subtree: true });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
})();
