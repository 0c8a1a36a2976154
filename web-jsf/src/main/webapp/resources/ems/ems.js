/* The pages' push handlers: alerts (every page) and live readings (the dashboard), written as text, never HTML. */
var ems = {
    /* A new alert of the user's: a toast and the unread badge on every page, a row on the dashboard. */
    showAlert: function (json) {
        var alert = JSON.parse(json);
        var badge = document.getElementById('alertBadge');
        if (badge) {
            badge.textContent = String(Number(badge.textContent || '0') + 1);
            badge.hidden = false;
        }
        if (window.PF && PF('toast')) {
            PF('toast').renderMessage({
                summary: badge ? badge.getAttribute('data-title') : 'Alert',
                detail: alert.hourStart + ': ' + alert.kwh + ' kWh > ' + alert.limitKwh + ' kWh',
                severity: 'warn'
            });
        }
        var body = document.querySelector('#alertTable tbody');
        if (!body) {
            return;
        }
        var row = document.createElement('tr');
        row.className = 'ems-new';
        [alert.deviceId, alert.hourStart, String(alert.kwh), String(alert.limitKwh), alert.createdAt, '']
            .forEach(function (value) {
                var cell = document.createElement('td');
                cell.textContent = value;
                row.appendChild(cell);
            });
        body.insertBefore(row, body.firstChild);
    },
    showReading: function (reading) {
        var row = document.createElement('tr');
        [reading.deviceId, reading.timestamp, String(reading.kwh)].forEach(function (value) {
            var cell = document.createElement('td');
            cell.textContent = value; // text, never HTML: device data is not trusted markup
            row.appendChild(cell);
        });
        var body = document.querySelector('#readings tbody');
        body.insertBefore(row, body.firstChild);
        while (body.rows.length > 50) {
            body.deleteRow(body.rows.length - 1);
        }
    }
};
