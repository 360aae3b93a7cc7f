/* Title suggestions while typing, as a progressive enhancement: the search form works without this script.
   Suggestions fill the input's <datalist>, which browsers expose to assistive technologies natively. */
(function () {
    "use strict";
    var inputs = document.querySelectorAll("input[data-suggest-url]");
    Array.prototype.forEach.call(inputs, function (input) {
        var list = document.getElementById(input.getAttribute("list"));
        var timer = null;
        var lastQuery = "";
        if (!list || !window.fetch) { return; }
        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            var query = input.value.trim();
            if (query.length < 2 || query === lastQuery) { return; }
            timer = window.setTimeout(function () {
                lastQuery = query;
                fetch(input.getAttribute("data-suggest-url") + "?q=" + encodeURIComponent(query), {
                    headers: { "Accept": "application/json" }
                }).then(function (response) {
                    return response.ok ? response.json() : { suggestions: [] };
                }).then(function (data) {
                    list.textContent = "";
                    (data.suggestions || []).forEach(function (item) {
                        var option = document.createElement("option");
                        option.value = item.title;
                        list.appendChild(option);
                    });
                }).catch(function () { /* suggestions are optional */ });
            }, 200);
        });
    });
})();
