/** The plain Milo 1.1.2 server the GDS is compared with, configured like its endpoint. */
@NullMarked
package io.gdsvault.bench.reference;

import org.jspecify.annotations.NullMarked;
