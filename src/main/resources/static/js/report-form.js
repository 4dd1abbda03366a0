// The report form on a phone: photos shown in a grid with a preview and a remove button, and scaled before upload
// (longest side 1600 px, JPEG 0.8) with their EXIF kept — the original APP1 segment is copied into the scaled file,
// orientation set to 1 because the pixels are drawn upright — so the server's evidence checks (capture time, GPS)
// read the same tags as from the original. Without DataTransfer (very old browsers) the plain file input is used.
(function () {
    'use strict';

    var MAX_SIDE = 1600;
    var QUALITY = 0.8;
    var KEEP_BELOW = 400 * 1024; // a JPEG this small and within MAX_SIDE goes as it is

    /** The APP1 "Exif\0\0" segment of a JPEG (marker to end), or null. */
    function exifSegment(bytes) {
        if (bytes.length < 4 || bytes[0] !== 0xFF || bytes[1] !== 0xD8) {
            return null;
        }
        var i = 2;
        while (i + 4 <= bytes.length && bytes[i] === 0xFF) {
            var marker = bytes[i + 1];
            if (marker === 0xDA || marker === 0xD9) {
                return null; // image data starts: no EXIF before it
            }
            var length = (bytes[i + 2] << 8) | bytes[i + 3];
            if (marker === 0xE1 && length > 8 && bytes[i + 4] === 0x45 && bytes[i + 5] === 0x78
                && bytes[i + 6] === 0x69 && bytes[i + 7] === 0x66 && bytes[i + 8] === 0 && bytes[i + 9] === 0) {
                return bytes.slice(i, i + 2 + length);
            }
            i += 2 + length;
        }
        return null;
    }

    /** Sets IFD0's Orientation tag (0x0112) to 1 in a copied EXIF segment: the scaled pixels are already upright. */
    function uprightOrientation(segment) {
        var view = new DataView(segment.buffer, segment.byteOffset, segment.byteLength);
        var tiff = 10;
        if (segment.length < tiff + 8) {
            return;
        }
        var little = view.getUint16(tiff) === 0x4949;
        var ifd = tiff + view.getUint32(tiff + 4, little);
        if (ifd + 2 > segment.length) {
            return;
        }
        var count = view.getUint16(ifd, little);
        for (var k = 0; k < count; k++) {
            var entry = ifd + 2 + k * 12;
            if (entry + 12 > segment.length) {
                return;
            }
            if (view.getUint16(entry, little) === 0x0112) {
                view.setUint16(entry + 8, 1, little);
                return;
            }
        }
    }

    /** The canvas's JPEG with the original EXIF put right after SOI (the encoder's JFIF APP0 is dropped). */
    function withExif(jpeg, segment) {
        if (!segment) {
            return jpeg;
        }
        var rest = 2;
        if (jpeg[2] === 0xFF && jpeg[3] === 0xE0) {
            rest = 4 + ((jpeg[4] << 8) | jpeg[5]);
        }
        var out = new Uint8Array(2 + segment.length + jpeg.length - rest);
        out.set(jpeg.subarray(0, 2), 0);
        out.set(segment, 2);
        out.set(jpeg.subarray(rest), 2 + segment.length);
        return out;
    }

    function readBytes(blob) {
        if (blob.arrayBuffer) {
            return blob.arrayBuffer().then(function (buffer) { return new Uint8Array(buffer); });
        }
        return new Promise(function (resolve, reject) {
            var reader = new FileReader();
            reader.onload = function () { resolve(new Uint8Array(reader.result)); };
            reader.onerror = reject;
            reader.readAsArrayBuffer(blob);
        });
    }

    /**
     * The picture, decoded upright (browsers apply the EXIF orientation). createImageBitmap reads the file itself,
     * so the CSP (img-src 'self' data:, no blob:) does not stand in the way; older browsers load it as a data: URL.
     */
    function decode(file) {
        if (typeof createImageBitmap === 'function') {
            return createImageBitmap(file, { imageOrientation: 'from-image' }).catch(function () {
                return createImageBitmap(file);
            });
        }
        return new Promise(function (resolve, reject) {
            var reader = new FileReader();
            reader.onload = function () {
                var image = new Image();
                image.onload = function () { resolve(image); };
                image.onerror = function () { reject(new Error('undecodable')); };
                image.src = reader.result;
            };
            reader.onerror = reject;
            reader.readAsDataURL(file);
        });
    }

    function widthOf(image) {
        return image.naturalWidth || image.width;
    }

    function heightOf(image) {
        return image.naturalHeight || image.height;
    }

    function draw(image, maxSide) {
        var width = widthOf(image);
        var height = heightOf(image);
        var ratio = Math.min(1, maxSide / Math.max(width, height));
        var canvas = document.createElement('canvas');
        canvas.width = Math.max(1, Math.round(width * ratio));
        canvas.height = Math.max(1, Math.round(height * ratio));
        var context = canvas.getContext('2d');
        context.imageSmoothingQuality = 'high';
        context.drawImage(image, 0, 0, canvas.width, canvas.height);
        return canvas;
    }

    /** The file to upload: a JPEG scaled to MAX_SIDE with its EXIF, or the original when that is not smaller. */
    function scaled(file, image, note) {
        if (file.type !== 'image/jpeg'
            || (Math.max(widthOf(image), heightOf(image)) <= MAX_SIDE && file.size <= KEEP_BELOW)) {
            note('kept: ' + (file.type || 'no type') + ' ' + widthOf(image) + '×' + heightOf(image));
            return Promise.resolve(file);
        }
        var canvas = draw(image, MAX_SIDE);
        return Promise.all([readBytes(file), new Promise(function (resolve) {
            canvas.toBlob(resolve, 'image/jpeg', QUALITY);
        })]).then(function (parts) {
            if (!parts[1]) {
                note('kept: the browser could not encode JPEG');
                return file;
            }
            return readBytes(parts[1]).then(function (jpeg) {
                var segment = exifSegment(parts[0]);
                if (segment) {
                    uprightOrientation(segment);
                }
                var bytes = withExif(jpeg, segment);
                if (bytes.length >= file.size) {
                    note('kept: scaling made it no smaller');
                    return file;
                }
                note((segment ? 'scaled, EXIF kept: ' : 'scaled, no EXIF: ') + canvas.width + '×' + canvas.height);
                return new File([bytes], file.name.replace(/\.(jpe?g)$/i, '') + '.jpg',
                    { type: 'image/jpeg', lastModified: file.lastModified });
            });
        });
    }

    function init() {
        var form = document.querySelector('[data-report-form]');
        if (!form || typeof DataTransfer === 'undefined') {
            return;
        }
        var grid = form.querySelector('[data-photo-grid]');
        var pick = form.querySelector('[data-photo-pick]');
        var queue = form.querySelector('[data-photo-queue]');
        var status = form.querySelector('[data-photo-status]');
        try {
            new DataTransfer().items.add(new File([''], 'probe.txt'));
        } catch (e) {
            return; // no way to set an input's files: the plain picker uploads the originals
        }
        pick.removeAttribute('name');
        queue.name = 'files';
        queue.disabled = false;
        var entries = [];

        function sync() {
            var transfer = new DataTransfer();
            entries.forEach(function (entry) {
                transfer.items.add(entry.file);
            });
            queue.files = transfer.files;
        }

        function pending() {
            return entries.filter(function (entry) { return entry.busy; }).map(function (entry) { return entry.done; });
        }

        function tile(entry) {
            var div = document.createElement('div');
            div.className = 'gj-photo-tile gj-photo-busy';
            div.setAttribute('data-test', 'report-photo');
            var name = document.createElement('span');
            name.className = 'gj-photo-name';
            name.textContent = entry.file.name;
            div.appendChild(name);
            var remove = document.createElement('button');
            remove.type = 'button';
            remove.className = 'gj-photo-remove';
            remove.textContent = '×';
            remove.setAttribute('aria-label', form.getAttribute('data-remove') + ' ' + entry.file.name);
            remove.setAttribute('data-test', 'report-photo-remove');
            remove.addEventListener('click', function () {
                entries.splice(entries.indexOf(entry), 1);
                div.remove();
                sync();
            });
            div.appendChild(remove);
            grid.insertBefore(div, grid.lastElementChild);
            return div;
        }

        function add(file) {
            var entry = { file: file, busy: true };
            var div = tile(entry);
            entries.push(entry);
            // Why a file goes as it is or how it was scaled, for whoever looks at the page (and the browser tests).
            var note = function (text) { div.setAttribute('data-scale-note', text); };
            var image = /^image\//.test(file.type) ? decode(file) : Promise.reject(new Error('not an image'));
            entry.done = image.then(function (decoded) {
                div.insertBefore(draw(decoded, 240), div.firstChild);
                return scaled(file, decoded, note);
            }).catch(function (error) {
                note('kept: ' + (error && error.message ? error.message : error));
                return file; // not a picture this browser can draw (PDF, HEIC…): sent as it is
            }).then(function (upload) {
                entry.file = upload;
                entry.busy = false;
                div.classList.remove('gj-photo-busy');
                div.setAttribute('data-bytes', String(upload.size));
                div.setAttribute('data-original-bytes', String(file.size));
                sync();
            });
        }

        function picked() {
            Array.prototype.forEach.call(pick.files || [], add);
            pick.value = '';
        }

        pick.addEventListener('change', picked);
        picked(); // files chosen before this script ran (it loads async) or restored by the browser

        // A tap on 提交 while photos are still being scaled waits for them, then sends the form as tapped.
        form.addEventListener('submit', function (event) {
            var waiting = pending();
            if (waiting.length === 0) {
                sync();
                return;
            }
            event.preventDefault();
            var submitter = event.submitter;
            status.classList.remove('d-none');
            Promise.all(waiting).then(function () {
                status.classList.add('d-none');
                if (form.requestSubmit) {
                    form.requestSubmit(submitter);
                    return;
                }
                if (submitter && submitter.name) {
                    var chosen = document.createElement('input');
                    chosen.type = 'hidden';
                    chosen.name = submitter.name;
                    chosen.value = submitter.value;
                    form.appendChild(chosen);
                }
                sync();
                form.submit();
            });
        });
    }

    // Loaded async: the form is usable before this arrives, so DOMContentLoaded may already have passed.
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', init);
    } else {
        init();
    }
}());
