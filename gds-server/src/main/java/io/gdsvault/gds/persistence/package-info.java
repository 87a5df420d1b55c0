@NullMarked
package io.gdsvault.gds.persistence;

import org.jspecify.annotations.NullMarked;
