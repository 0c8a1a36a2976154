/** Bean Validation constraints the modules' requests share. */
package org.ems.contracts.validation;
