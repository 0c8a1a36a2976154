/** Infrastructure of the web module: who is calling (a JWT for the API and sockets, a login session for pages), in one authentication mechanism. */
package org.ems.web.infrastructure.security;
