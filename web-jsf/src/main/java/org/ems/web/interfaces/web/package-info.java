/** Interfaces layer: the PrimeFaces pages' backing beans and their push channels. */
package org.ems.web.interfaces.web;
