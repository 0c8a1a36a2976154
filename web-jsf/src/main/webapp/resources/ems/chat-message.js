/*
 * One message of the support chat as the chat pages show it: who, the text, an attached alert linking to its day
 * (named by the device's name once known), and when. Text only, never markup.
 */
(function () {
    var names = {}; // device id -> its JSON (or null), asked once per page

    /* A device's name (its id stays as the link's words when the device is gone or not the user's). */
    function deviceName(id, show) {
        names[id] = names[id] || ems.json('/api/devices/' + encodeURIComponent(id)).catch(function () {
            return null;
        });
        names[id].then(function (device) {
            if (device) {
                show(device.name);
            }
        });
    }

    /* The time under a message: when it was sent, as every page writes times. */
    ems.stamp = function (li, sentAt) {
        var time = li.querySelector('.ems-time') || li.appendChild(ems.el('small', 'ems-time'));
        time.textContent = ems.time(sentAt);
    };

    /* The list item of message m; me: the viewer's id; text(key): the page's words. */
    ems.chatMessage = function (m, me, text) {
        var el = ems.el;
        var mine = m.from.id === me;
        var li = el('li', 'ems-message ' + (mine ? 'ems-mine' : 'ems-theirs'));
        li.setAttribute('data-id', m.id);
        li.appendChild(el('span', 'ems-from', m.from.username));
        li.appendChild(el('p', 'ems-text', m.text));
        if (m.alert) {
            var box = el('div', 'ems-attached');
            // the day the alert's period starts on: its hour's, its month's first, or its silence's
            var day = (m.alert.hourStart || (m.alert.month ? m.alert.month + '-01' : m.alert.lastReadingAt)).substring(0, 10);
            box.appendChild(el('span', null, text('alert') + ': ' + ems.alertDetail(m.alert) + ' '));
            var link = el('a', null, text('alertDay'));
            link.href = ems.page().base + '/portal/device.xhtml?id=' + encodeURIComponent(m.alert.deviceId) + '&date='
                + encodeURIComponent(day);
            box.appendChild(link);
            deviceName(m.alert.deviceId, function (name) {
                link.textContent = name + ' · ' + day;
            });
            li.appendChild(box);
        }
        ems.stamp(li, m.sentAt);
        return li;
    };
}());
