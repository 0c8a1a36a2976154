/* The pages' push handlers: alerts (every page) and live readings, written as text, never HTML. */
var ems = {
    /*
     * A new (or reinstated) alert of the user's: a toast and the unread badge on every page; a withdrawn one (late
     * readings put its hour within the limit) takes its count back. The alerts page reloads its table.
     */
    showAlert: function (json) {
        var alert = JSON.parse(json);
        var badge = document.getElementById('alertBadge');
        var standing = !alert.withdrawnAt;
        if (!alert.acknowledgedAt) {
            ems.countAlerts(standing ? 1 : -1);
        }
        if (window.PF && PF('toast')) {
            PF('toast').renderMessage({
                summary: badge ? badge.getAttribute(standing ? 'data-title' : 'data-withdrawn') : 'Alert',
                detail: standing
                    ? alert.hourStart + ': ' + alert.kwh + ' kWh > ' + alert.limitKwh + ' kWh'
                    : alert.hourStart + ': ' + alert.withdrawnReason,
                severity: standing ? 'warn' : 'info'
            });
        }
        if (typeof window.alertArrived === 'function') {
            window.alertArrived();
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
            [names[reading.deviceId] || reading.deviceId, reading.timestamp, String(reading.kwh)].forEach(function (value) {
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
