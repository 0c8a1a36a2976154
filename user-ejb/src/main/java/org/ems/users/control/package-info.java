/** Rules of the users component that need no container: password policy and hashing. */
package org.ems.users.control;
