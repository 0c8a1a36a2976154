/** The REST API under {@code /api}: JSON resources and the one Problem Details mapper. */
package org.ems.web.rest;
