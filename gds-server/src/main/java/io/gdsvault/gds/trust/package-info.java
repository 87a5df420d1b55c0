@NullMarked
package io.gdsvault.gds.trust;

import org.jspecify.annotations.NullMarked;
