/** The CSV files of the imports and exports (the API's and the console's), one format: RFC 4180 by Commons CSV. */
package org.ems.web.infrastructure.csv;
