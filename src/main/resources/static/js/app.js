// Sends the CSRF token with every htmx request (the token sits in <meta> tags; no inline script under our CSP).
document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
        event.detail.headers[header.content] = token.content;
    }
});
// A failed htmx request shows a Chinese message instead of silently doing nothing.
document.addEventListener('htmx:responseError', function (event) {
    var status = event.detail.xhr.status;
    var english = document.documentElement.lang === 'en';
    var text = status === 404 ? (english ? 'Not found, or outside your data scope' : '内容不存在或不在您的数据范围内')
        : status === 403 ? (english ? 'You may not do this' : '您没有权限执行此操作')
        : (english ? 'The request failed; please try again later' : '请求失败，请稍后再试');
    var target = event.detail.target;
    if (target) {
        var div = document.createElement('div');
        div.className = 'alert alert-warning py-1 my-1';
        div.textContent = text;
        target.prepend(div);
    }
});
// The unread badge: a plain fetch of the server-rendered fragment on load and every minute (no htmx on every page).
document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-badge-src]').forEach(function (badge) {
        var refresh = function () {
            fetch(badge.getAttribute('data-badge-src'), {credentials: 'same-origin', headers: {'Accept': 'text/html'}})
                .then(function (response) { return response.ok ? response.text() : ''; })
                .then(function (html) { badge.innerHTML = html; })
                .catch(function () { /* offline: keep the last count */ });
        };
        refresh();
        setInterval(refresh, 60000);
    });
});
