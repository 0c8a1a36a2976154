/** Interfaces layer: the REST API under /api (JAX-RS resources, problem JSON). */
package org.ems.web.interfaces.rest;
