/*
 * The support chat in the pages (docs/websockets.md, "/ws/chat"): one /ws/chat socket per page (page session), the header's
 * unread badge and a toast for a new message on every page; on the chat pages, the conversation (a client's own, or
 * the one an administrator picks in the inbox) with history, typing, read receipts and who is online. Messages not
 * acknowledged yet are sent again, with the same clientMsgId, when the socket reconnects: stored once. Everything
 * from the server is written as text, never as markup.
 */
document.addEventListener('DOMContentLoaded', function () {
    var el = ems.el;
    var config = document.getElementById('emsChat');
    if (!config || !window.WebSocket) {
        return;
    }
    var me = config.getAttribute('data-me');
    var admin = config.getAttribute('data-role') === 'ADMIN';
    var texts = JSON.parse(config.getAttribute('data-texts') || '{}');
    var page = document.getElementById('chat');
    var list = document.getElementById('chatMessages');
    var pending = {}; // clientMsgId -> send frame, until acknowledged
    var current = admin ? null : me; // the open conversation
    var messages = []; // of the open conversation, oldest first
    var otherReadUpTo = null; // the other side's read mark in the open conversation
    var typingTimer = null;
    var lastTyping = 0;

    function text(key) {
        return texts[key] || key;
    }

    function api(path) {
        return ems.json('/api/chat/' + path);
    }

    function send(frame) {
        var json = JSON.stringify(frame);
        if (frame.type === 'send') {
            pending[frame.clientMsgId] = json;
        }
        socket.send(json); // else sent when the socket is back (a send frame is kept until acknowledged)
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
                ems.stamp(mine, frame.sentAt);
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
                    button.appendChild(el('small', 'ems-time', ems.time(c.lastMessageAt)));
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
        return ems.chatMessage(m, me, text);
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
            var frame = {type: 'send', conversationId: current, clientMsgId: ems.uuid(), text: body};
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
    var socket = ems.socket('/ws/chat', {
        open: function () {
            Object.keys(pending).forEach(function (id) {
                socket.send(pending[id]);
            });
            refreshBadge();
            if (page) {
                admin ? loadInbox() : open(me);
            }
        },
        message: function (data) {
            received(JSON.parse(data));
        }
    });
});
