/** Paged lists, one way everywhere: what a caller asks for ({@code PageRequest}) and what it gets ({@code Page}). */
package org.ems.contracts.paging;
