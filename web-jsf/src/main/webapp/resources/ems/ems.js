/* The dashboard's push handlers: alerts and live readings, written as text, never as HTML. */
var ems = {
    showAlert: function (json) {
        var alert = JSON.parse(json);
        var row = document.createElement('tr');
        row.className = 'ems-new';
        [alert.deviceId, alert.hourStart, String(alert.kwh), String(alert.limitKwh), alert.createdAt, '']
            .forEach(function (value) {
                var cell = document.createElement('td');
                cell.textContent = value;
                row.appendChild(cell);
            });
        var body = document.querySelector('#alertTable tbody');
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
