/*
 * A page's socket to EMS that comes back after a break (an instance restarted, the network away): it reconnects after
 * a random wait of up to 1 s, doubling to at most 60 s while attempts fail ("full jitter", so that the pages of a
 * restarted EMS do not all knock at once), and from 1 s again once a connection lasted. A close with 1008 means the
 * sign-in ended (signed out elsewhere, expired, the user deleted): it stops, and the page says so.
 */
ems.socket = function (path, handlers) {
    var FIRST_WAIT = 1000;
    var LONGEST_WAIT = 60000;
    var ceiling = FIRST_WAIT;
    var socket = null;
    var ended = false;
    var name = path.substring(path.lastIndexOf('/') + 1);

    /* The socket's state on the page (data-socket-chat="open"): for styles, and for tests to wait on. */
    function state(value) {
        document.documentElement.setAttribute('data-socket-' + name, value);
    }

    function connect() {
        var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
        socket = new WebSocket(scheme + location.host + ems.page().base + path);
        socket.onopen = function () {
            ceiling = FIRST_WAIT;
            state('open');
            (handlers.open || function () {})();
        };
        socket.onmessage = function (event) {
            handlers.message(event.data);
        };
        socket.onclose = function (event) {
            socket = null;
            if (event.code === 1008) {
                ended = true;
                state('ended');
                ems.signInEnded();
                return;
            }
            state('closed');
            setTimeout(connect, Math.random() * ceiling);
            ceiling = Math.min(LONGEST_WAIT, ceiling * 2);
        };
    }

    connect();
    return {
        /* Sends now if connected; false if not (the caller keeps what must not be lost). */
        send: function (text) {
            if (socket && socket.readyState === WebSocket.OPEN) {
                socket.send(text);
                return true;
            }
            return false;
        },
        ended: function () {
            return ended;
        }
    };
};
