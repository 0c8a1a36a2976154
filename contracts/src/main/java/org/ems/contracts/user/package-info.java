/** What modules may know of users without reading the users schema: a directory and the deletion event. */
package org.ems.contracts.user;
