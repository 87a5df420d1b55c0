@NullMarked
package io.gdsvault.gds.persistence.jdbc;

import org.jspecify.annotations.NullMarked;
