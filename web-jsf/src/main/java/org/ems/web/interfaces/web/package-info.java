/** Interfaces layer: the PrimeFaces pages' backing beans, their tables' one lazy model, and their push channels. */
package org.ems.web.interfaces.web;
