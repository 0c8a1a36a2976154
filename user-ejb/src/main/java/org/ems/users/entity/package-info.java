/** Entities of the users component. */
package org.ems.users.entity;
