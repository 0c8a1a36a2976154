/** The PrimeFaces pages' backing beans and their push channels. */
package org.ems.web.faces;
