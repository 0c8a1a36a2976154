/*
 * The support chat in the pages (CONTRACT.md "Chat"): one /ws/chat socket per page (page session), the header's
 * unread badge and a toast for a new message on every page; on the chat pages, the conversation (a client's own, or
 * the one an administrator picks in the inbox) with history, typing, read receipts and who is online. Messages not
 * acknowledged yet are sent again, with the same clientMsgId, when the socket reconnects: stored once. Everything
 * from the server is written as text, never as markup.
 */
document.addEventListener('DOMContentLoaded', function () {
    var config = document.getElementById('emsChat');
    if (!config || !window.WebSocket) {
        return;
    }
    var base = config.getAttribute('data-base');
    var me = config.getAttribute('data-me');
    var admin = config.getAttribute('data-role') === 'ADMIN';
    var texts = JSON.parse(config.getAttribute('data-texts') || '{}');
    var page = document.getElementById('chat');
    var list = document.getElementById('chatMessages');
    var socket = null;
    var pending = {}; // clientMsgId -> send frame, until acknowledged
    var current = admin ? null : me; // the open conversation
    var messages = []; // of the open conversation, oldest first
    var otherReadUpTo = null; // the other side's read mark in the open conversation
    var typingTimer = null;
    var lastTyping = 0;

    /* A random UUID (crypto.randomUUID needs a secure context: not plain HTTP on another host). */
    function uuid() {
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
    }

    function text(key) {
        return texts[key] || key;
    }

    function el(tag, className, content) {
        var node = document.createElement(tag);
        if (className) {
            node.className = className;
        }
        if (content !== undefined) {
            node.textContent = content;
        }
        return node;
    }

    function api(path) {
        return fetch(base + '/api/chat/' + path, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
            .then(function (response) {
                if (!response.ok) {
                    throw new Error(response.status);
                }
                return response.json();
            });
    }

    /* A device's name (its id stays as the link's words when the device is gone or not the user's). */
    var names = {};
    function deviceName(id, show) {
        names[id] = names[id] || fetch(base + '/api/devices/' + encodeURIComponent(id),
            {credentials: 'same-origin', headers: {Accept: 'application/json'}})
            .then(function (response) {
                return response.ok ? response.json() : null;
            });
        names[id].then(function (device) {
            if (device) {
                show(device.name);
            }
        });
    }

    function connect() {
        var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
        socket = new WebSocket(scheme + location.host + base + '/ws/chat');
        socket.onopen = function () {
            Object.keys(pending).forEach(function (id) {
                socket.send(pending[id]);
            });
            refreshBadge();
            if (page) {
                admin ? loadInbox() : open(me);
            }
        };
        socket.onmessage = function (event) {
            received(JSON.parse(event.data));
        };
        socket.onclose = function (event) {
            socket = null;
            if (event.code !== 1008) { // 1008: the sign-in ended; the next page load asks to sign in
                setTimeout(connect, 3000);
            }
        };
    }

    function send(frame) {
        var json = JSON.stringify(frame);
        if (frame.type === 'send') {
            pending[frame.clientMsgId] = json;
        }
        if (socket && socket.readyState === WebSocket.OPEN) {
            socket.send(json);
        }
    }

    function received(frame) {
        if (frame.type === 'presence') {
            showPresence(frame.admins);
        } else if (frame.type === 'ack') {
            delete pending[frame.clientMsgId];
            var mine = document.querySelector('[data-client-msg-id="' + frame.clientMsgId + '"]');
            if (mine) {
                mine.setAttribute('data-id', frame.id);
                mine.classList.remove('ems-pending');
                messages.push({id: frame.id, from: {id: me}, sentAt: frame.sentAt});
                stamp(mine, frame.sentAt);
            }
        } else if (frame.type === 'message') {
            if (page && frame.conversationId === current) {
                append(frame);
                markRead();
            } else {
                toast(frame);
            }
            refreshBadge();
            if (page && admin) {
                loadInbox();
            }
        } else if (frame.type === 'typing' && frame.conversationId === current) {
            var typing = document.getElementById('chatTyping');
            typing.textContent = text('typing').replace('{0}', frame.from.username);
            typing.hidden = false;
            clearTimeout(typingTimer);
            typingTimer = setTimeout(function () {
                typing.hidden = true;
            }, 4000);
        } else if (frame.type === 'read') {
            if (frame.conversationId === current && (frame.by.role === 'ADMIN') !== admin) {
                otherReadUpTo = frame.upTo;
                showReceipt();
            }
            refreshBadge();
        } else if (frame.type === 'error') {
            document.getElementById('chatError').textContent = text('error.' + frame.code) + ' ' + frame.message;
        }
    }

    /* The unread messages of the user's side: in their conversation, or in all of them (administrators). */
    function refreshBadge() {
        api('conversations').then(function (conversations) {
            var unread = conversations.reduce(function (sum, c) {
                return sum + c.unread;
            }, 0);
            var badge = document.getElementById('chatBadge');
            badge.textContent = String(unread);
            badge.hidden = unread === 0;
        }).catch(function () {
            // signed out or offline: the badge stays as it was
        });
    }

    function toast(frame) {
        if (window.PF && PF('toast')) {
            PF('toast').renderMessage({
                summary: text('newMessage').replace('{0}', frame.from.username),
                detail: frame.text.length > 120 ? frame.text.substring(0, 120) + '…' : frame.text,
                severity: 'info'
            });
        }
    }

    function showPresence(admins) {
        var line = document.getElementById('chatPresence');
        if (!line) {
            return;
        }
        var names = admins.map(function (a) {
            return a.username;
        });
        line.textContent = names.length ? text('online').replace('{0}', names.join(', ')) : text('offline');
    }

    /* An administrator's inbox: every conversation, newest activity first, with its unread count. */
    function loadInbox() {
        api('conversations').then(function (conversations) {
            var inbox = document.getElementById('chatInbox');
            inbox.textContent = '';
            document.getElementById('chatInboxEmpty').hidden = conversations.length > 0;
            conversations.forEach(function (c) {
                var item = el('li');
                var button = el('button', 'ems-conversation' + (c.id === current ? ' ems-current' : ''));
                button.type = 'button';
                button.setAttribute('data-conversation', c.id);
                button.appendChild(el('strong', null, c.client.name));
                button.appendChild(el('span', 'ems-intro', ' ' + c.client.username));
                if (c.unread > 0) {
                    button.appendChild(el('span', 'ems-badge', String(c.unread)));
                }
                if (c.lastMessageAt) {
                    button.appendChild(el('small', 'ems-time', new Date(c.lastMessageAt).toLocaleString()));
                }
                button.addEventListener('click', function () {
                    document.getElementById('chatWith').textContent = c.client.name + ' (' + c.client.username + ')';
                    document.getElementById('chatConversation').hidden = false;
                    open(c.id);
                });
                item.appendChild(button);
                inbox.appendChild(item);
            });
        });
    }

    /* Shows a conversation: its latest messages and how far the other side read. */
    function open(conversationId) {
        current = conversationId;
        messages = [];
        list.textContent = '';
        api('conversations').then(function (conversations) {
            var c = conversations.filter(function (x) {
                return x.id === conversationId;
            })[0];
            otherReadUpTo = c ? (admin ? c.clientReadUpTo : c.adminsReadUpTo) : null;
            return api('conversations/' + conversationId + '/messages?limit=50');
        }).then(function (page) {
            page.forEach(append);
            document.getElementById('chatOlder').hidden = page.length < 50;
            markRead();
            if (admin) {
                loadInbox();
            }
        });
    }

    function older() {
        if (!messages.length) {
            return;
        }
        api('conversations/' + current + '/messages?limit=50&before=' + messages[0].id).then(function (page) {
            var first = list.firstChild;
            page.forEach(function (m) {
                list.insertBefore(item(m), first);
            });
            messages = page.concat(messages);
            document.getElementById('chatOlder').hidden = page.length < 50;
        });
    }

    function append(m) {
        messages.push(m);
        list.appendChild(item(m));
        list.lastChild.scrollIntoView({block: 'nearest'});
        showReceipt();
    }

    function item(m) {
        var mine = m.from.id === me;
        var li = el('li', 'ems-message ' + (mine ? 'ems-mine' : 'ems-theirs'));
        li.setAttribute('data-id', m.id);
        li.appendChild(el('span', 'ems-from', m.from.username));
        li.appendChild(el('p', 'ems-text', m.text));
        if (m.alert) {
            var box = el('div', 'ems-attached');
            box.appendChild(el('span', null, text('alert') + ': ' + m.alert.hourStart + ' · ' + m.alert.kwh
                + ' kWh > ' + m.alert.limitKwh + ' kWh '));
            var link = el('a', null, text('alertDay'));
            link.href = base + '/portal/device.xhtml?id=' + encodeURIComponent(m.alert.deviceId) + '&date='
                + encodeURIComponent(m.alert.hourStart.substring(0, 10));
            box.appendChild(link);
            deviceName(m.alert.deviceId, function (name) {
                link.textContent = name + ' · ' + m.alert.hourStart.substring(0, 10);
            });
            li.appendChild(box);
        }
        stamp(li, m.sentAt);
        return li;
    }

    function stamp(li, sentAt) {
        var time = li.querySelector('.ems-time') || li.appendChild(el('small', 'ems-time'));
        time.textContent = new Date(sentAt).toLocaleString();
    }

    /* "Seen" under the newest own message the other side has read. */
    function showReceipt() {
        document.querySelectorAll('.ems-seen').forEach(function (seen) {
            seen.remove();
        });
        if (!otherReadUpTo) {
            return;
        }
        var readIndex = messages.map(function (m) {
            return m.id;
        }).indexOf(otherReadUpTo);
        for (var i = messages.length - 1; i >= 0; i--) {
            if (messages[i].from.id === me && i <= readIndex) {
                var li = list.querySelector('[data-id="' + messages[i].id + '"]');
                if (li) {
                    li.appendChild(el('small', 'ems-seen', text('seen')));
                }
                return;
            }
        }
    }

    /* The user has the conversation open: everything in it is read. */
    function markRead() {
        var last = messages[messages.length - 1];
        if (last && last.from.id !== me && document.visibilityState === 'visible') {
            send({type: 'read', conversationId: current, upTo: last.id});
        }
    }

    if (page) {
        var input = document.getElementById('chatText');
        var attach = document.getElementById('chatAlert');
        if (attach && attach.getAttribute('data-asked')) {
            attach.value = attach.getAttribute('data-asked');
        }
        document.getElementById('chatForm').addEventListener('submit', function (event) {
            event.preventDefault();
            var body = input.value.trim();
            if (!body || !current) {
                return;
            }
            document.getElementById('chatError').textContent = '';
            var frame = {type: 'send', conversationId: current, clientMsgId: uuid(), text: body};
            if (attach && attach.value) {
                frame.alertId = attach.value;
                attach.value = '';
            }
            var li = item({id: '', from: {id: me, username: text('you')}, text: body, sentAt: new Date().toISOString()});
            li.classList.add('ems-pending');
            li.setAttribute('data-client-msg-id', frame.clientMsgId);
            list.appendChild(li);
            li.scrollIntoView({block: 'nearest'});
            input.value = '';
            send(frame);
        });
        input.addEventListener('keydown', function (event) {
            if (event.key === 'Enter' && !event.shiftKey) {
                event.preventDefault();
                document.getElementById('chatSend').click();
            }
        });
        input.addEventListener('input', function () {
            if (current && Date.now() - lastTyping > 2000) {
                lastTyping = Date.now();
                send({type: 'typing', conversationId: current});
            }
        });
        document.getElementById('chatOlder').addEventListener('click', older);
        document.addEventListener('visibilitychange', markRead);
    }
    connect();
});
