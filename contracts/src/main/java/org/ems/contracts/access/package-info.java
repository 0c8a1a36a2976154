/** Who may see what, in one place: the caller, the roles, and the one shape of a refused operation. */
package org.ems.contracts.access;
