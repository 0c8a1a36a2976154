/** Who is calling: a JWT for the API and sockets, a login session for the pages, in one authentication mechanism. */
package org.ems.web.security;
