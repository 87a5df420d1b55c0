@NullMarked
package io.gdsvault.gds.push;

import org.jspecify.annotations.NullMarked;
