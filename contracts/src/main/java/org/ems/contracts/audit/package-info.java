/** The audit log every module writes its administrative changes to. */
package org.ems.contracts.audit;
