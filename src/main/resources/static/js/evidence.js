// Evidence upload: refuse empty or oversized files before sending them (the server checks again), so a phone on a
// slow line does not upload 30 MB only to be told no.
document.addEventListener('DOMContentLoaded', function () {
    var form = document.querySelector('[data-test="evidence-upload-form"]');
    if (!form) {
        return;
    }
    var input = form.querySelector('input[type="file"]');
    var warning = form.querySelector('[data-evidence-warning]');
    var max = parseInt(form.getAttribute('data-max-bytes'), 10);

    function problems() {
        var found = [];
        Array.prototype.forEach.call(input.files || [], function (file) {
            if (file.size === 0) {
                found.push(file.name + '：' + form.getAttribute('data-empty'));
            } else if (max > 0 && file.size > max) {
                found.push(file.name + '：' + form.getAttribute('data-too-large'));
            }
        });
        return found;
    }

    function show(found) {
        warning.textContent = found.join('；');
        warning.classList.toggle('d-none', found.length === 0);
    }

    input.addEventListener('change', function () {
        show(problems());
    });
    form.addEventListener('submit', function (event) {
        var found = problems();
        if (found.length > 0) {
            event.preventDefault();
            show(found);
        }
    });
});
