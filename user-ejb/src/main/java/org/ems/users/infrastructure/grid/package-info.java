/** Infrastructure: what the users module keeps on the cluster's data grid. */
package org.ems.users.infrastructure.grid;
