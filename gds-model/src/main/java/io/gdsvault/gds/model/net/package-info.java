/** Network names on the plain JDK: the one rule for host names, domain names and SAN entries. */
@NullMarked
package io.gdsvault.gds.model.net;

import org.jspecify.annotations.NullMarked;
