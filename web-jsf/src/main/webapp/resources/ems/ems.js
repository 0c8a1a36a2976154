/* The pages' push handlers: alerts (every page) and live readings, written as text, never HTML. */
var ems = {
    /* What the layout says of the page: the context path, and the viewer's zone and language. */
    page: function () {
        var config = document.getElementById('emsPage');
        return {
            base: config.getAttribute('data-base') || '', // Facelets leaves out an empty attribute: the root path
            zone: config.getAttribute('data-zone'),
            locale: config.getAttribute('data-locale')
        };
    },
    /* An instant as every page writes one: a date and time of the viewer's zone, in their language (medium). */
    time: function (iso) {
        var page = ems.page();
        return new Intl.DateTimeFormat(page.locale, {dateStyle: 'medium', timeStyle: 'medium', timeZone: page.zone})
            .format(new Date(iso));
    },
    /* A random UUID (crypto.randomUUID needs a secure context: not plain HTTP on another host). */
    uuid: function () {
        if (window.crypto && crypto.randomUUID) {
            return crypto.randomUUID();
        }
        var b = crypto.getRandomValues(new Uint8Array(16));
        b[6] = (b[6] & 0x0f) | 0x40;
        b[8] = (b[8] & 0x3f) | 0x80;
        var h = Array.prototype.map.call(b, function (x) {
            return (x + 0x100).toString(16).substring(1);
        }).join('');
        return h.substring(0, 8) + '-' + h.substring(8, 12) + '-' + h.substring(12, 16) + '-' + h.substring(16, 20)
            + '-' + h.substring(20);
    },
    /* An element with a class and text (never markup: what the server sends is not trusted HTML). */
    el: function (tag, className, content) {
        var node = document.createElement(tag);
        if (className) {
            node.className = className;
        }
        if (content !== undefined) {
            node.textContent = content;
        }
        return node;
    },
    /* GET a JSON resource of EMS's API with the page's session. */
    json: function (path) {
        return fetch(ems.page().base + path, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
            .then(function (response) {
                if (!response.ok) {
                    throw new Error(response.status);
                }
                return response.json();
            });
    },
    /* The sign-in of this page ended: its sockets stopped; the page says so, with the way back. */
    signInEnded: function () {
        var notice = document.getElementById('signInEnded');
        if (notice) {
            notice.hidden = false;
        }
    },
    /*
     * A new (or reinstated) alert of the user's: a toast and the unread badge on every page; a withdrawn one (late
     * readings put its hour within the limit, or a projected hour ended within it) takes its count back. The alerts
     * page reloads its table. Each kind says what it is with its own numbers.
     */
    showAlert: function (json) {
        var alert = JSON.parse(json);
        var badge = document.getElementById('alertBadge');
        var standing = !alert.withdrawnAt;
        var resolved = alert.kind === 'SILENT' && alert.resolvedAt;
        if (!alert.acknowledgedAt && !resolved) {
            ems.countAlerts(standing ? 1 : -1);
        }
        if (window.PF && PF('toast')) {
            PF('toast').renderMessage({
                summary: badge ? badge.getAttribute(standing ? 'data-' + (alert.kind || 'OVER_LIMIT').toLowerCase() : 'data-withdrawn') : 'Alert',
                detail: standing ? ems.alertDetail(alert) : ems.alertDetail(alert) + ' · ' + alert.withdrawnReason,
                severity: standing && !resolved ? 'warn' : 'info'
            });
        }
        if (typeof window.alertArrived === 'function') {
            window.alertArrived();
        }
    },
    /* An alert's numbers in one line, by kind. */
    alertDetail: function (alert) {
        switch (alert.kind) {
            case 'PROJECTED':
                return ems.time(alert.hourStart) + ': ' + alert.projectedKwh + ' kWh > ' + alert.limitKwh + ' kWh, '
                    + ems.time(alert.expectedAt);
            case 'SILENT':
                return ems.time(alert.lastReadingAt) + (alert.resolvedAt ? ' \u2192 ' + ems.time(alert.resolvedAt) : '');
            case 'BUDGET':
                var unit = alert.currency || 'kWh';
                return alert.month + ': ' + (alert.projectedKwh || alert.projectedAmount) + ' ' + unit + ' > '
                    + (alert.budget.kwh || alert.budget.amount) + ' ' + unit;
            default:
                return ems.time(alert.hourStart) + ': ' + alert.kwh + ' kWh > ' + alert.limitKwh + ' kWh';
        }
    },
    /* One of the user's alerts was acknowledged on this page: one fewer on the badge. */
    alertAcknowledged: function () {
        ems.countAlerts(-1);
    },
    /* The header's count of alerts to deal with, changed by delta (hidden at 0). */
    countAlerts: function (delta) {
        var badge = document.getElementById('alertBadge');
        if (badge) {
            var count = Math.max(0, Number(badge.textContent || '0') + delta);
            badge.textContent = String(count);
            badge.hidden = count === 0;
        }
    },
    /* A Faces push channel of the page is open (data-push-usage="open"): for styles, and for tests to wait on. */
    pushOpened: function (channel) {
        document.documentElement.setAttribute('data-push-' + channel, 'open');
    },
    /* A reading of the shown device was stored: the device page reads its day again. */
    readingStored: function () {
        window.refreshDay();
    },
    /* The live page: the readings of one transaction, oldest first; the table keeps the latest 50. */
    showReadings: function (readings) {
        var table = document.getElementById('readings');
        var names = JSON.parse(table.getAttribute('data-names') || '{}');
        var body = table.tBodies[0];
        readings.forEach(function (reading) {
            var row = document.createElement('tr');
            [names[reading.deviceId] || reading.deviceId, ems.time(reading.timestamp), String(reading.kwh)].forEach(function (value) {
                var cell = document.createElement('td');
                cell.textContent = value; // text, never HTML: device data is not trusted markup
                row.appendChild(cell);
            });
            body.insertBefore(row, body.firstChild);
        });
        while (body.rows.length > 50) {
            body.deleteRow(body.rows.length - 1);
        }
    },
    /* The device page's day chart: each bar's tooltip says how many readings made it and what its marks mean. */
    dayChart: function () {
        this.cfg.config.options.plugins = this.cfg.config.options.plugins || {};
        this.cfg.config.options.plugins.tooltip = {
            callbacks: {
                afterLabel: function (item) {
                    return (item.dataset.notes || [])[item.dataIndex] || '';
                }
            }
        };
    }
};

/* Every page of a signed-in user hears of their new alerts at once (toast and badge), over /ws/alerts. */
document.addEventListener('DOMContentLoaded', function () {
    if (document.getElementById('emsChat') && window.WebSocket) { // rendered for a signed-in user only
        ems.socket('/ws/alerts', {message: ems.showAlert});
    }
});
